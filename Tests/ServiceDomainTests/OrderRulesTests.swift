import Foundation
import Testing
@testable import ServiceDomain

/// The rules behind money, QC gates and rework on an order.
@Suite struct OrderRulesTests {
    @Test(arguments: RepairClass.allCases)
    func aFailedQCBlocksPickupForEveryClass(_ repairClass: RepairClass) {
        for to in [ROStage.washing, .readyForPickup] {
            let error = #expect(throws: TransitionError.self) {
                try ROLifecycle.check(from: .qualityCheck, to: to, repairClass: repairClass, qcPassed: false, reason: "",
                                      qcFailed: true)
            }
            #expect(error?.kind == .qcFailed)
        }
        // Back to the workshop is always open after a failure.
        #expect((try? ROLifecycle.check(from: .qualityCheck, to: .inProgress, repairClass: repairClass, qcPassed: false,
                                        reason: "", qcFailed: true)) != nil)
        #expect(!ROLifecycle.allowedTargets(from: .qualityCheck, repairClass: repairClass, qcPassed: true, qcFailed: true)
            .contains(.readyForPickup))
    }

    @Test func theLatestCheckDecides() {
        let t = Date(timeIntervalSince1970: 1_795_309_200)
        let fail = QualityCheck(id: 1, repairOrderID: 1, inspectorID: 3, inspectorName: "梁振华", passed: false, at: t)
        let pass = QualityCheck(id: 2, repairOrderID: 1, inspectorID: 3, inspectorName: "梁振华", passed: true,
                                at: t.addingTimeInterval(600))
        #expect(QCRules.hasOutstandingFailure(checks: [fail]))
        #expect(!QCRules.hasOutstandingFailure(checks: [fail, pass]))
        #expect(QCRules.hasOutstandingFailure(checks: [pass, QualityCheck(id: 3, repairOrderID: 1, inspectorID: 3,
                                                                          inspectorName: "梁振华", passed: false,
                                                                          at: t.addingTimeInterval(900))]))
        #expect(!QCRules.hasOutstandingFailure(checks: []))
    }

    @Test func theShopSettingMakesQCMandatoryForEveryClass() {
        #expect(QCRules.requiredForAll(fromSetting: "1") && QCRules.requiredForAll(fromSetting: " true "))
        #expect(!QCRules.requiredForAll(fromSetting: nil) && !QCRules.requiredForAll(fromSetting: "0"))
        let error = #expect(throws: TransitionError.self) {
            try ROLifecycle.check(from: .inProgress, to: .readyForPickup, repairClass: .minorRepair, qcPassed: false,
                                  reason: "", qcRequiredForAll: true)
        }
        #expect(error?.kind == .qcRequired)
        #expect((try? ROLifecycle.check(from: .inProgress, to: .readyForPickup, repairClass: .minorRepair,
                                        qcPassed: false, reason: "")) != nil)
    }

    @Test func reworkFromReadyNeedsAReason() {
        #expect(ROLifecycle.requiresReason(from: .readyForPickup, to: .inProgress))
        #expect(!ROLifecycle.requiresReason(from: .qualityCheck, to: .inProgress))
        let error = #expect(throws: TransitionError.self) {
            try ROLifecycle.check(from: .readyForPickup, to: .inProgress, repairClass: .minorRepair, qcPassed: true,
                                  reason: "  ")
        }
        #expect(error?.kind == .reasonRequired)
    }

    @Test func whoMayInspect() {
        let lead = Staff(id: 1, login: "l", name: "梁振华", roles: [.workshopLead])
        let techA = Staff(id: 2, login: "a", name: "刘德明", roles: [.technician])
        let techB = Staff(id: 3, login: "b", name: "张伟", roles: [.technician])
        let advisor = Staff(id: 4, login: "c", name: "李娜", roles: [.advisor])
        let gone = Staff(id: 5, login: "d", name: "王强", roles: [.workshopLead], isActive: false)
        let work: Set<RowID> = [2]
        #expect(QCRules.mayInspect(lead, workTechnicians: work))
        #expect(!QCRules.mayInspect(techA, workTechnicians: work))
        #expect(QCRules.mayInspect(techB, workTechnicians: work))
        #expect(!QCRules.mayInspect(advisor, workTechnicians: work))
        #expect(!QCRules.mayInspect(gone, workTechnicians: work))
        let own = #expect(throws: QCError.self) { try QCRules.checkInspector(techA, workTechnicians: work) }
        #expect(own?.message.en == "刘德明 worked on this car and cannot inspect it; pick a lead or another technician")
    }

    @Test func theLinesDecideTheAmounts() {
        let base = Job(repairOrderID: 1, description: "刹车异响", status: .done, labour: .yuan(380), parts: .yuan(120))
        let added = Job(repairOrderID: 1, description: "刹车片", status: .done, isAdditional: true, labour: .yuan(100),
                        parts: .yuan(300), approvalMethod: .phone)
        let declined = Job(repairOrderID: 1, description: "雨刮", status: .declined, isAdditional: true, parts: .yuan(90),
                           approvalMethod: .inPerson)
        let waiting = Job(repairOrderID: 1, description: "空调", status: .awaitingApproval, isAdditional: true,
                          labour: .yuan(50))
        let jobs = [base, added, declined, waiting]
        #expect(WorkLines.total(jobs) == .yuan(900))
        #expect(WorkLines.approvedAdditional(jobs) == .yuan(400))
        let amount = DeliveryChecklist.defaultItems.first { $0.check == .amountMatchesEstimate }!
        #expect(DeliveryChecklist.isSatisfiedByData(amount, jobs: jobs, repairClass: .minorRepair, qcPassed: true,
                                                    finalTotal: .yuan(900), estimateTotal: .yuan(500)))
        #expect(!DeliveryChecklist.isSatisfiedByData(amount, jobs: jobs, repairClass: .minorRepair, qcPassed: true,
                                                     finalTotal: .yuan(950), estimateTotal: .yuan(500)))
        #expect(!WorkLines.isFreeOfCharge(jobs))
        #expect(WorkLines.isFreeOfCharge([Job(repairOrderID: 1, description: "召回", status: .done)]))
        #expect(!WorkLines.isFreeOfCharge([declined]))
        let line = WorkLines.fromEstimate(concern: " 刹车异响\u{1B}[31m ", labour: .yuan(380), parts: .yuan(120),
                                          labourMinutes: 90)
        #expect(line.labourHours == 1.5 && line.total == .yuan(500) && !line.description.contains("\u{1B}"))
    }

    @Test func aLineEditIsReadExactly() throws {
        let edit = try WorkLines.parseEdit("380.5 ¥1,200 1.5")
        #expect(edit.labour == Fen(38_050) && edit.parts == .yuan(1_200) && edit.hours == 1.5)
        #expect(try WorkLines.parseEdit("0 0").hours == 0)
        #expect(throws: ValidationError.self) { try WorkLines.parseEdit("380") }
        #expect(throws: ValidationError.self) { try WorkLines.parseEdit("380 -1") }
        #expect(throws: ValidationError.self) { try WorkLines.checkAmounts(labour: .yuan(1), parts: .zero, labourHours: 201) }
    }

    @Test func oneOverrideCoversEveryMissingItem() {
        let items = DeliveryChecklist.defaultItems
        let satisfied: (DeliveryItem) -> Bool = { $0.check != .manual }
        let ticked: [String: DeliveryItemState] = ["cleaned": .done]
        let result = DeliveryChecklist.overrideAll(items: items, ticked: ticked, reason: "客户赶时间", satisfied: satisfied)
        #expect(result["cleaned"] == .done)
        #expect(result["workAndQC"] == nil && result["amount"] == nil)
        #expect(result.values.filter { $0 == .overridden(reason: "客户赶时间") }.count == 6)
        #expect(DeliveryChecklist.missingKeys(items: items, ticked: result, satisfied: satisfied).isEmpty)
    }

    @Test func theGateRefusesAFailedQCWhateverIsOverridden() {
        var ticked: [String: DeliveryItemState] = [:]
        for item in DeliveryChecklist.defaultItems { ticked[item.key] = .overridden(reason: "x") }
        #expect(throws: DeliveryError.self) {
            try DeliveryChecklist.gate(items: DeliveryChecklist.defaultItems, ticked: ticked, jobs: [], repairClass: .minorRepair,
                                       qcPassed: false, finalTotal: .zero, estimateTotal: .zero, qcFailed: true)
        }
    }
}
