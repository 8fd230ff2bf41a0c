import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

func boardRow(_ id: RowID, stage: ROStage = .inProgress, promisedIn minutes: Double = 120, technicians: String = "刘德明",
              repairClass: RepairClass = .minorRepair, qcPassed: Bool = false) -> BoardRow {
    BoardRow(id: id, number: "RO-20261122-\(String(format: "%04d", id))", version: 3, plate: "粤A1234\(id % 10)",
             customerName: "王芳", phone: "13812345678", advisorID: 2, advisorName: "李娜", technicians: technicians,
             stage: stage, repairClass: repairClass, openedAt: fixedNow.addingTimeInterval(-3600),
             promisedAt: fixedNow.addingTimeInterval(minutes * 60), stageSince: fixedNow.addingTimeInterval(-600),
             isWaiter: false, delayNotices: 0, qcPassed: qcPassed, heldFrom: nil)
}

func boardPage(_ rows: [BoardRow], offset: Int = 0, total: Int? = nil) -> BoardPage {
    BoardPage(rows: rows, offset: offset, total: total ?? rows.count, missed: 0, atRisk: 0)
}

@Suite struct WorkshopReducerTests {
    func onBoard(_ rows: [BoardRow], total: Int? = nil) -> AppState {
        var s = freshState(.en)
        let effects = reduce(&s, .keyPressed(.function(5)))
        #expect(effects.contains(.workshop(.loadStaff)))
        #expect(effects.contains(.workshop(.loadBoard(filter: WaitingBoardFilter(), sort: .risk, offset: 0,
                                                      limit: WorkshopState.window, focusID: nil))))
        _ = reduce(&s, .workshop(.boardLoaded(boardPage(rows, total: total), focusID: nil)))
        _ = reduce(&s, .workshop(.staffLoaded(advisors: [StaffChoice(id: 2, name: "李娜", skillLevel: 0)],
                                              technicians: [StaffChoice(id: 5, name: "刘德明", skillLevel: 5),
                                                            StaffChoice(id: 6, name: "张伟", skillLevel: 3)])))
        return s
    }

    @Test func movingPastTheLoadedWindowLoadsTheNextOne() {
        let rows = (1...60).map { boardRow(RowID($0)) }
        var s = onBoard(rows, total: 200)
        assertReduce(&s, .keyPressed(.down)) { $0.workshop.board.selected = 1 }
        _ = send(&s, .end)
        #expect(s.workshop.board.selected == 199)
        #expect(s.workshop.board.selectedRow == nil)
    }

    @Test func filtersCycleAndReload() {
        var s = onBoard([boardRow(1)])
        assertReduce(&s, .keyPressed(.character("a")), effects: [.workshop(.loadBoard(
            filter: WaitingBoardFilter(advisorID: 2), sort: .risk, offset: 0, limit: WorkshopState.window, focusID: nil))]) {
            $0.workshop.board.filter.advisorID = 2
        }
        #expect(send(&s, .character("a")).count == 1)
        #expect(s.workshop.board.filter.advisorID == nil)
        _ = send(&s, .character("w"), .character("g"), .character("s"))
        #expect(s.workshop.board.filter == WaitingBoardFilter(stage: .checkedIn, waitersOnly: true))
        #expect(s.workshop.board.sort == .promised)
        _ = send(&s, .character("r"))
        #expect(s.workshop.board.filter.isEmpty && s.workshop.board.sort == .risk)
    }

    @Test func stagePickerOffersOnlyAllowedMovesAndAsksForHoldReasons() {
        var s = onBoard([boardRow(1, stage: .inProgress, repairClass: .level2Maintenance)])
        _ = send(&s, .character("m"))
        let picker = s.workshop.picker
        #expect(picker?.options.map(\.value) == ["waitingParts", "qualityCheck", "onHold", "cancelled"])
        #expect(s.isTyping == false)
        _ = send(&s, .down, .down)
        #expect(send(&s, .enter) == [])
        #expect(s.workshop.prompt?.purpose == .stageReason(roID: 1, version: 3, from: .inProgress, to: .onHold))
        #expect(s.isTyping)
        for ch in "等配件" { _ = send(&s, .character(ch)) }
        #expect(s.hasUnsavedInput)
        #expect(send(&s, .enter) == [.workshop(.moveStage(roID: 1, version: 3, from: .inProgress, to: .onHold,
                                                          note: "等配件"))])
        #expect(s.workshop.prompt == nil)
    }

    /// Delivery is on the Delivery panel; from the board a ready car can only go back for rework, with a reason.
    @Test func aReadyCarGoesBackForReworkWithAReason() {
        var s = onBoard([boardRow(1, stage: .readyForPickup)])
        _ = send(&s, .character("m"))
        #expect(s.workshop.picker?.options.map(\.value) == ["inProgress", "onHold", "cancelled"])
        _ = send(&s, .enter)
        #expect(s.workshop.prompt?.purpose == .stageReason(roID: 1, version: 3, from: .readyForPickup, to: .inProgress))
        #expect(s.workshop.prompt?.title == OrderStrings.reworkReason)
        for ch in "异响仍在" { _ = send(&s, .character(ch)) }
        #expect(send(&s, .enter) == [.workshop(.moveStage(roID: 1, version: 3, from: .readyForPickup, to: .inProgress,
                                                          note: "异响仍在"))])
    }

    @Test func reassigningAsksForAReason() {
        var s = onBoard([boardRow(1, technicians: "刘德明")])
        _ = send(&s, .character("t"), .down)
        _ = send(&s, .enter)
        #expect(s.workshop.prompt?.purpose == .reassignReason(roID: 1, version: 3, technicianID: 6))
        var fresh = onBoard([boardRow(1, stage: .checkedIn, technicians: "")])
        _ = send(&fresh, .character("t"))
        #expect(send(&fresh, .enter) == [.workshop(.dispatch(roID: 1, version: 3, technicianID: 5, reason: ""))])
    }

    @Test func delayNotifiedParsesTheNewPromise() {
        var s = onBoard([boardRow(1, promisedIn: -10)])
        _ = send(&s, .character("l"))
        for ch in "99:00" { _ = send(&s, .character(ch)) }
        _ = send(&s, .enter)
        #expect(s.status?.kind == .error)
        #expect(s.workshop.prompt?.input.text == "99:00")
        for _ in 0..<5 { _ = send(&s, .backspace) }
        for ch in "17:30" { _ = send(&s, .character(ch)) }
        _ = send(&s, .enter)
        let promised = fixedNow.addingTimeInterval(3 * 3600 + 25 * 60)  // 14:05 → 17:30 Shanghai
        #expect(s.workshop.prompt?.purpose == .delayNote(roID: 1, version: 3, newPromisedAt: promised))
        #expect(send(&s, .enter) == [.workshop(.notifyDelay(roID: 1, version: 3, newPromisedAt: promised, note: ""))])
    }

    @Test func additionalWorkIsParsed() {
        var s = onBoard([boardRow(1)])
        _ = send(&s, .character("n"))
        for ch in "更换刹车片 150 460.5" { _ = send(&s, .character(ch)) }
        #expect(send(&s, .enter) == [.workshop(.addAdditionalJob(roID: 1, description: "更换刹车片", labour: Fen(15_000),
                                                                 parts: Fen(46_050)))])
        _ = send(&s, .character("n"))
        for ch in "更换刹车片" { _ = send(&s, .character(ch)) }
        #expect(send(&s, .enter) == [])
        #expect(s.status?.kind == .error)
    }

    @Test func aRefusedChangeSaysWhyAndReloads() {
        var s = onBoard([boardRow(1)])
        let message = Message(zh: "已被他人修改", en: "Changed by 郑建国 at 10:02, reload")
        let effects = reduce(&s, .workshop(.changeFailed(message)))
        #expect(s.status == StatusLine(message, kind: .error))
        #expect(effects == [.workshop(.loadBoard(filter: WaitingBoardFilter(), sort: .risk, offset: 0,
                                                 limit: WorkshopState.window, focusID: 1))])
    }

    @Test func otherTerminalsChangesReloadTheBoardKeepingTheSelection() {
        var s = onBoard([boardRow(1), boardRow(2)])
        _ = send(&s, .down)
        let effects = reduce(&s, .storeChangedElsewhere)
        #expect(effects.contains(.workshop(.loadBoard(filter: WaitingBoardFilter(), sort: .risk, offset: 0,
                                                      limit: WorkshopState.window, focusID: 2))))
        _ = reduce(&s, .workshop(.boardLoaded(boardPage([boardRow(3), boardRow(2), boardRow(1)]), focusID: 2)))
        #expect(s.workshop.board.selectedRow?.id == 2)
    }
}

@Suite struct DeliveryReducerTests {
    func context(mayOverride: Bool, final: Fen = .yuan(500)) -> DeliveryContext {
        let order = RepairOrder(id: 9, number: "RO-20261122-0009", customerID: 1, vehicleID: 1, advisorID: 2,
                                serviceType: .maintenance, repairClass: .level2Maintenance, stage: .readyForPickup,
                                openedAt: fixedNow.addingTimeInterval(-4 * 3600), promisedAt: fixedNow, mileageIn: 20_000,
                                contactPhone: "13812345678", estimateLabour: .yuan(300), estimateParts: .yuan(200),
                                version: 8)
        return DeliveryContext(order: order, plate: "粤A12345", model: "迈腾", customerName: "王芳", advisorName: "李娜",
                               jobs: [Job(id: 1, repairOrderID: 9, description: "二级维护", status: .done)], checks: [],
                               qcPassed: true, items: DeliveryChecklist.defaultItems, finalLabour: .yuan(300),
                               finalParts: final - .yuan(300), callbackWindowHours: 24, operatorMayOverride: mayOverride)
    }

    func onDelivery(_ c: DeliveryContext) -> AppState {
        var s = freshState(.en)
        #expect(reduce(&s, .keyPressed(.function(6))).contains(.workshop(.loadDeliveryQueue(offset: 0, limit: 200))))
        let effects = reduce(&s, .workshop(.deliveryQueueLoaded(boardPage([boardRow(9, stage: .readyForPickup)]))))
        #expect(effects == [.workshop(.loadDeliveryContext(roID: 9))])
        _ = reduce(&s, .workshop(.deliveryContextLoaded(c)))
        return s
    }

    @Test func tickingOverridingAndDelivering() {
        var s = onDelivery(context(mayOverride: false))
        _ = send(&s, .enter)
        #expect(s.workshop.delivery.checklistFocused)
        _ = send(&s, .enter)  // work and QC: from the data, not ticked by hand
        #expect(s.workshop.delivery.ticked.isEmpty)
        _ = send(&s, .down, .enter)
        #expect(s.workshop.delivery.ticked == ["cleaned": .done])
        #expect(s.hasUnsavedInput)
        _ = send(&s, .character("o"))
        #expect(s.status?.message == DeliveryChecklist.overrideRefused)
        #expect(s.workshop.prompt == nil)
        #expect(send(&s, .character("d")) == [.workshop(.deliver(roID: 9, version: 8, ticked: ["cleaned": .done]))])
    }

    /// One override, one reason, every missing item: what was ticked stays ticked, what the data satisfies stays
    /// satisfied by the data.
    @Test func managerOverrideCoversEveryMissingItemWithOneReason() {
        var s = onDelivery(context(mayOverride: true))
        _ = send(&s, .enter, .down, .enter, .character("o"))
        #expect(s.workshop.prompt?.purpose == .overrideMissing)
        _ = send(&s, .enter)
        #expect(s.workshop.prompt != nil && s.status?.kind == .error)
        for ch in "客户赶时间" { _ = send(&s, .character(ch)) }
        _ = send(&s, .enter)
        #expect(s.workshop.prompt == nil)
        var expected: [String: DeliveryItemState] = ["cleaned": .done]
        for key in ["oldParts", "explained", "nextService", "personalItems", "followUp", "contact"] {
            expected[key] = .overridden(reason: "客户赶时间")
        }
        #expect(s.workshop.delivery.ticked == expected)
        // Nothing left to override: a second `o` says so instead of asking again.
        _ = send(&s, .character("o"))
        #expect(s.workshop.prompt == nil && s.status?.message == OrderStrings.nothingToOverride)
    }

    @Test func aFailedQCCannotBeOverridden() {
        var c = context(mayOverride: true)
        c.qcFailed = true
        var s = onDelivery(c)
        _ = send(&s, .enter, .character("o"))
        #expect(s.workshop.prompt == nil && s.status?.message == OrderStrings.qcFailedBlocks)
    }

    @Test func aDifferentAmountAsksForTheCustomersApproval() {
        var s = onDelivery(context(mayOverride: false, final: .yuan(650)))
        _ = send(&s, .enter, .down, .down, .down, .down, .enter)
        #expect(s.workshop.prompt?.purpose == .amountNote(itemKey: "amount"))
        for ch in "客户同意" { _ = send(&s, .character(ch)) }
        _ = send(&s, .enter)
        #expect(s.workshop.delivery.ticked == ["amount": .doneWithNote("客户同意")])
    }

    @Test func deliveredShowsTheSummaryAndSavesIt() {
        var s = onDelivery(context(mayOverride: false))
        _ = reduce(&s, .workshop(.delivered(number: "RO-20261122-0009", summary: "交车单\n", callbackDue:
            fixedNow.addingTimeInterval(86_400))))
        #expect(s.workshop.delivery.summary == "交车单\n")
        #expect(s.status?.message.en == "RO-20261122-0009 delivered; follow-up call scheduled for 11-23 14:05")
        #expect(send(&s, .character("s")) == [.workshop(.saveSummary(number: "RO-20261122-0009", text: "交车单\n"))])
        _ = send(&s, .escape)
        #expect(s.workshop.delivery.summary == nil && s.panel == .delivery)
    }

    /// The summary is written on delivery: the status line names the file along with the callback.
    @Test func deliveredWithItsSummaryWrittenNamesTheFile() {
        var s = onDelivery(context(mayOverride: false))
        _ = reduce(&s, .workshop(.delivered(number: "RO-20261122-0009", summary: "交车单\n",
                                            callbackDue: fixedNow.addingTimeInterval(86_400),
                                            summaryPath: "/srv/shop/deliveries/RO-20261122-0009.txt")))
        #expect(s.status?.message.en == "RO-20261122-0009 delivered; follow-up call scheduled for 11-23 14:05; "
            + "summary: /srv/shop/deliveries/RO-20261122-0009.txt")
        #expect(s.status?.kind == .ok)
    }
}

@Suite struct WorkshopDetailReducerTests {
    @Test func withTheOrderOpenTAssignsTheSelectedJob() {
        var s = freshState(.en)
        _ = reduce(&s, .keyPressed(.function(5)))
        _ = reduce(&s, .workshop(.boardLoaded(boardPage([boardRow(1)]), focusID: nil)))
        _ = reduce(&s, .workshop(.staffLoaded(advisors: [], technicians: [StaffChoice(id: 5, name: "刘德明", skillLevel: 5)])))
        #expect(send(&s, .enter) == [.workshop(.loadDetail(roID: 1))])
        let order = RepairOrder(id: 1, number: "RO-20261122-0001", customerID: 1, vehicleID: 1, advisorID: 2,
                                serviceType: .repair, repairClass: .minorRepair, stage: .inProgress, openedAt: fixedNow,
                                promisedAt: fixedNow.addingTimeInterval(7200), mileageIn: 1, contactPhone: "", version: 3)
        let jobs = [Job(id: 10, repairOrderID: 1, description: "刹车检修", technicianID: 5),
                    Job(id: 11, repairOrderID: 1, description: "更换雨刮", status: .awaitingApproval, isAdditional: true)]
        _ = reduce(&s, .workshop(.detailLoaded(RODetail(order: order, jobs: jobs, technicianNames: [5: "刘德明"],
                                                         history: [], checks: [], delays: [], qcPassed: false,
                                                         heldFrom: nil))))
        _ = send(&s, .down)
        #expect(s.workshop.board.detailJob == 1)
        #expect(send(&s, .character("y")).isEmpty)
        #expect(s.workshop.picker?.purpose == .approval(jobID: 11, approved: true))
        #expect(send(&s, .down, .enter) == [.workshop(.decideJob(jobID: 11, approved: true, method: .phone))])
        _ = send(&s, .character("t"))
        #expect(send(&s, .enter) == [.workshop(.assignJob(jobID: 11, technicianID: 5, reason: ""))])
        _ = send(&s, .up, .character("t"), .enter)
        #expect(s.workshop.prompt?.purpose == .reassignJobReason(jobID: 10, technicianID: 5))
        _ = send(&s, .escape)
        _ = send(&s, .escape)
        #expect(s.workshop.board.detail == nil && s.panel == .waitingBoard)
    }
}
