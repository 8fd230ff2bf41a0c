import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)

private let names = ["王芳", "欧阳建华", "李强", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄志强", "周婷"]
private let plates = ["粤A12345", "粤AD12345", "粤B8K2F7", "湘A1234学", "粤A9X771", "粤E5C208"]
private let advisors = ["李娜", "黄志强", "周建华"]
private let techs = ["刘德明", "张伟", "何国强、郭勇", ""]
private let stages: [ROStage] = [.checkedIn, .dispatched, .inProgress, .waitingParts, .qualityCheck, .washing,
                                 .readyForPickup, .onHold]

/// Orders sorted riskiest first like the store does: missed, at risk, on track.
private func rows(_ count: Int) -> [BoardRow] {
    let all = (0..<count).map { i -> BoardRow in
        let promisedMinutes = Double((i * 37) % 360) - 60   // from an hour late to five hours ahead
        return BoardRow(id: RowID(i + 1), number: "RO-20261122-\(String(format: "%04d", i + 1))", version: 1,
                        plate: plates[i % plates.count], customerName: names[i % names.count],
                        phone: "13\(String(format: "%09d", 812_345_678 + i * 1_111))", advisorID: RowID(i % 3 + 1),
                        advisorName: advisors[i % advisors.count], technicians: techs[i % techs.count],
                        stage: stages[i % stages.count], repairClass: .minorRepair,
                        openedAt: now.addingTimeInterval(-3 * 3600), promisedAt: now.addingTimeInterval(promisedMinutes * 60),
                        stageSince: now.addingTimeInterval(-Double(i % 7 * 13 + 4) * 60), isWaiter: i % 4 == 1,
                        delayNotices: i % 9 == 2 ? 1 : 0, qcPassed: false, heldFrom: nil)
    }
    return all.sorted { a, b in
        let ra = a.risk(now: now), rb = b.risk(now: now)
        return ra != rb ? ra < rb : a.promisedAt < b.promisedAt
    }
}

private func board(_ count: Int, language: Language = .zhHans, window: Int = 60) -> AppState {
    var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "李娜", now: now, timeZone: zone)
    _ = reduce(&s, .keyPressed(.function(5)))
    let all = rows(count)
    let missed = all.filter { $0.risk(now: now) == .missed }.count
    let atRisk = all.filter { $0.risk(now: now) == .atRisk }.count
    _ = reduce(&s, .workshop(.boardLoaded(BoardPage(rows: Array(all.prefix(window)), offset: 0, total: count,
                                                    missed: missed, atRisk: atRisk), focusID: nil)))
    _ = reduce(&s, .workshop(.staffLoaded(advisors: [StaffChoice(id: 1, name: "李娜", skillLevel: 0)], technicians: [])))
    return s
}

@Suite struct WaitingBoardSnapshotTests {
    @Test func threeCars() {
        let s = board(3)
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-3-80x24")
        assertSnapshot(ConsoleView.render(s, size: large), named: "board-3-120x40")
    }

    /// A 100-column terminal: headers, names and promised days whole (the narrow set cut them with room to spare).
    @Test func threeCarsAtHundredColumns() {
        var s = board(3, language: .en)
        s.workshop.board.selected = 0
        let buffer = ConsoleView.render(s, size: Size(width: 100, height: 30))
        assertSnapshot(buffer, named: "board-3-en-100x30")
        let header = (0..<30).map { y in (0..<100).map { x in buffer[x, y].grapheme }.joined() }
            .first { $0.contains("Plate") } ?? ""
        for title in ["Customer", "Advisor", "In stage", "Promised"] { #expect(header.contains(title), "\(header)") }
    }

    @Test func sixtyCars() {
        var s = board(60)
        assertSnapshot(ConsoleView.render(s, size: large), named: "board-60-120x40")
        for _ in 0..<25 { _ = reduce(&s, .keyPressed(.down)) }
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-60-80x24")
        s.language = .en
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-60-en-80x24")
    }

    @Test func sixtyCarsInEnglishFilteredWithAnOrderOpen() {
        var s = board(60, language: .en)
        _ = reduce(&s, .keyPressed(.down))
        let row = s.workshop.board.selectedRow!
        let order = RepairOrder(id: row.id, number: row.number, customerID: 1, vehicleID: 1, advisorID: 1,
                                serviceType: .repair, repairClass: .level2Maintenance, stage: .inProgress,
                                openedAt: row.openedAt, promisedAt: row.promisedAt, mileageIn: 20_000,
                                contactPhone: row.phone, version: 1)
        let jobs = [
            Job(id: 1, repairOrderID: row.id, description: "二级维护", technicianID: 5, status: .pending,
                labour: .yuan(300), parts: .yuan(200)),
            Job(id: 2, repairOrderID: row.id, description: "更换前刹车片", technicianID: 5, status: .awaitingApproval,
                isAdditional: true, labour: .yuan(150), parts: .yuan(460)),
        ]
        let history = [
            StageChange(repairOrderID: row.id, from: nil, to: .checkedIn, at: row.openedAt, operatorID: 1),
            StageChange(repairOrderID: row.id, from: .checkedIn, to: .dispatched, at: row.openedAt.addingTimeInterval(900), operatorID: 1),
            StageChange(repairOrderID: row.id, from: .dispatched, to: .inProgress, at: row.openedAt.addingTimeInterval(1800), operatorID: 5),
        ]
        _ = reduce(&s, .workshop(.detailLoaded(RODetail(order: order, jobs: jobs, technicianNames: [5: "刘德明"],
                                                         history: history, checks: [], delays: [], qcPassed: false,
                                                         heldFrom: nil))))
        assertSnapshot(ConsoleView.render(s, size: large), named: "board-detail-en-120x40")
        _ = reduce(&s, .keyPressed(.character("w")))
        _ = reduce(&s, .workshop(.boardLoaded(BoardPage(rows: [], offset: 0, total: 0, missed: 0, atRisk: 0), focusID: nil)))
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-empty-filter-en-80x24")
    }

    @Test func rowsAreColouredByRisk() {
        let s = board(12)
        let buffer = ConsoleView.render(s, size: large)
        let text = buffer.snapshot()
        #expect(text.contains("138****5678"))
        #expect(!text.contains("13812345678"))
        let all = rows(12)
        // The first body row of the table is the riskiest: its plate cell uses that risk's role.
        let expected: StyleRole = all[0].risk(now: now) == .missed ? "ro.overdue"
            : all[0].risk(now: now) == .atRisk ? "ro.atRisk" : "ro.onTrack"
        let roles = (0..<large.height).flatMap { y in (0..<large.width).map { x in buffer[x, y].role } }
        #expect(roles.contains(expected))
        #expect(roles.contains("ro.overdue") && roles.contains("ro.onTrack"))
    }
}

@Suite struct DeliverySnapshotTests {
    @Test func keysOfDelivery() {
        var s = delivery()
        assertHelp(s, panel: .delivery, mode: "list-checklist")
        _ = reduce(&s, .keyPressed(.escape))
        assertHelp(s, panel: .delivery, mode: "list")
        s.workshop.delivery.summary = "交车单"
        assertHelp(s, panel: .delivery, mode: "card-summary")
    }

    private func delivery(_ language: Language = .zhHans) -> AppState {
        var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "李娜", now: now,
                         timeZone: zone)
        _ = reduce(&s, .keyPressed(.function(6)))
        let ready = rows(14).filter { $0.stage == .readyForPickup }
        _ = reduce(&s, .workshop(.deliveryQueueLoaded(BoardPage(rows: ready, offset: 0, total: ready.count, missed: 0,
                                                                atRisk: 0))))
        let row = ready[0]
        let order = RepairOrder(id: row.id, number: row.number, customerID: 1, vehicleID: 1, advisorID: 1,
                                serviceType: .maintenance, repairClass: .level2Maintenance, stage: .readyForPickup,
                                openedAt: row.openedAt, promisedAt: row.promisedAt, mileageIn: 20_000,
                                contactPhone: row.phone, estimateLabour: .yuan(300), estimateParts: .yuan(200), version: 6)
        let context = DeliveryContext(
            order: order, plate: row.plate, model: "迈腾 2.0T", customerName: row.customerName, advisorName: "李娜",
            jobs: [Job(id: 1, repairOrderID: row.id, description: "二级维护", status: .done, labour: .yuan(300),
                       parts: .yuan(350))],
            checks: [QualityCheck(repairOrderID: row.id, inspectorID: 3, inspectorName: "梁振华", passed: true,
                                  at: now.addingTimeInterval(-1800))],
            qcPassed: true, items: DeliveryChecklist.defaultItems, finalLabour: .yuan(300), finalParts: .yuan(350),
            callbackWindowHours: 24, operatorMayOverride: true)
        _ = reduce(&s, .workshop(.deliveryContextLoaded(context)))
        for key: Key in [.enter, .down, .enter, .down, .character("o")] { _ = reduce(&s, .keyPressed(key)) }
        for ch in "旧件按保修返厂" { _ = reduce(&s, .keyPressed(.character(ch))) }
        _ = reduce(&s, .keyPressed(.enter))
        _ = reduce(&s, .keyPressed(.down))
        return s
    }

    @Test func checklist() {
        assertSnapshot(ConsoleView.render(delivery(), size: small), named: "delivery-checklist-80x24")
        assertSnapshot(ConsoleView.render(delivery(.en), size: large), named: "delivery-checklist-en-120x40")
        assertSnapshot(ConsoleView.render(delivery(.en), size: small), named: "delivery-checklist-en-80x24")
    }

    @Test func summaryAfterDelivery() {
        var s = delivery()
        var order = s.workshop.delivery.context!.order
        order.finalLabour = .yuan(300)
        order.finalParts = .yuan(350)
        let text = DeliverySummary.text(.init(shopName: s.shopName, order: order, plate: "粤A12345", model: "迈腾 2.0T",
                                              customerName: "王芳", advisorName: "李娜",
                                              jobs: s.workshop.delivery.context!.jobs, qc: nil, deliveredAt: now,
                                              callbackDueAt: now.addingTimeInterval(86_400)), timeZone: zone)
        _ = reduce(&s, .workshop(.delivered(number: order.number, summary: text, callbackDue: now.addingTimeInterval(86_400))))
        assertSnapshot(ConsoleView.render(s, size: large), named: "delivery-summary-120x40")
        assertSnapshot(ConsoleView.render(s, size: small), named: "delivery-summary-80x24")
    }
}

/// The board's dialogs (the shared picker and prompt widgets with the workshop's sizes).
@Suite struct WaitingBoardDialogSnapshotTests {
    @Test func keysOfTheBoard() {
        var s = board(12)
        assertHelp(s, panel: .waitingBoard, mode: "list")
        _ = reduce(&s, .keyPressed(.character("m")))
        assertHelp(s, panel: .waitingBoard, mode: "dialog-picker")
        _ = reduce(&s, .keyPressed(.escape))
        _ = reduce(&s, .keyPressed(.character("l")))
        assertHelp(s, panel: .waitingBoard, mode: "dialog-prompt")
        _ = reduce(&s, .keyPressed(.escape))
        let row = s.workshop.board.selectedRow!
        let order = RepairOrder(id: row.id, number: row.number, customerID: 1, vehicleID: 1, advisorID: 1,
                                serviceType: .repair, repairClass: .level2Maintenance, stage: .inProgress,
                                openedAt: row.openedAt, promisedAt: row.promisedAt, mileageIn: 20_000,
                                contactPhone: row.phone, version: 1)
        _ = reduce(&s, .workshop(.detailLoaded(RODetail(order: order, jobs: [], technicianNames: [:], history: [], checks: [],
                                                         delays: [], qcPassed: false, heldFrom: nil))))
        assertHelp(s, panel: .waitingBoard, mode: "card")
    }

    @Test func stagePickerQCPickerAndDelayPrompt() {
        var s = board(12)
        _ = reduce(&s, .keyPressed(.character("m")))
        #expect(s.workshop.picker != nil)
        _ = reduce(&s, .keyPressed(.down))
        assertSnapshot(ConsoleView.render(s, size: large), named: "board-stage-picker-120x40")
        _ = reduce(&s, .keyPressed(.escape))
        _ = reduce(&s, .keyPressed(.character("c")))
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-qc-picker-80x24")
        _ = reduce(&s, .keyPressed(.escape))
        _ = reduce(&s, .keyPressed(.character("l")))
        for ch in "17:30" { _ = reduce(&s, .keyPressed(.character(ch))) }
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-delay-prompt-80x24")
    }

    /// Each technician's open jobs, in columns that line up although the names take 4, 6 and 9 columns.
    @Test func technicianPickerShowsOpenJobsInAlignedColumns() {
        var s = board(12)
        _ = reduce(&s, .workshop(.staffLoaded(advisors: [], technicians: [
            StaffChoice(id: 5, name: "刘德明", skillLevel: 5, openJobs: 3),
            StaffChoice(id: 6, name: "Li Wei", skillLevel: 4, openJobs: 1),
            StaffChoice(id: 7, name: "欧阳", skillLevel: 2, openJobs: 0),
            StaffChoice(id: 8, name: "Zhang San", skillLevel: 3, openJobs: 12),
        ])))
        _ = reduce(&s, .keyPressed(.character("t")))
        let labels = s.workshop.picker?.options.map { s.text($0.label) } ?? []
        #expect(labels.count == 4)
        // The jobs column starts at the same display column on every row.
        let starts = labels.map { label in String(label.prefix(while: { $0 != "在" })).displayWidth }
        #expect(Set(starts).count == 1, "\(labels)")
        assertSnapshot(ConsoleView.render(s, size: small), named: "board-technician-picker-80x24")
    }
}
