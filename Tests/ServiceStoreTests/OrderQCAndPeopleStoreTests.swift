import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// Quality gates (a failed QC blocks pickup for every class, the inspector is picked, rework from ready) and
/// the advisor on every order.
@Suite struct OrderQCStoreTests {
    @Test func aFailedQCBlocksReadyAndDeliveryForAMinorRepairUntilALaterPass() throws {
        let shop = try WorkshopShop()
        var ro = try shop.inQC(.minorRepair)
        try shop.db.recordQualityCheck(roID: ro.id!, passed: false, inspectorID: shop.inspector.id, note: "刹车仍有异响",
                                       operator: shop.op(shop.inspector), now: shop.at(61))
        ro = try shop.fresh(ro)
        let refused = try #require(throws: TransitionError.self) { try shop.move(ro, .readyForPickup, 62) }
        #expect(refused.kind == .qcFailed)
        #expect(refused.message.en == "QC failed: rework it and pass a later QC before ready for pickup")
        // Rework, and straight to ready (QC optional for the class) is still refused: the failure stands.
        ro = try shop.move(ro, .inProgress, 63)
        #expect(throws: TransitionError.self) { try shop.move(ro, .readyForPickup, 80) }
        ro = try shop.move(ro, .qualityCheck, 90)
        try shop.db.recordQualityCheck(roID: ro.id!, passed: true, inspectorID: shop.inspector.id,
                                       operator: shop.op(shop.inspector), now: shop.at(95))
        ro = try shop.move(try shop.fresh(ro), .readyForPickup, 96)
        #expect(ro.stage == .readyForPickup)
        let context = try #require(try shop.db.deliveryContext(roID: ro.id!, operator: shop.op(shop.manager)))
        #expect(!context.qcFailed)
        let result = try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: shop.allManualTicks, shopName: "店",
                                         operator: shop.op(shop.advisor), now: shop.at(100))
        #expect(result.summary.contains("质检 QC: 合格 passed, 质检员 inspector 梁振华"))
    }

    /// Data saved before the gate (a failed QC on a car already ready) cannot be delivered, even by a manager's
    /// override, and the checklist does not tick "QC passed" from it.
    @Test func aCarReadyWithAFailedQCCannotBeDeliveredEvenWithAnOverride() throws {
        let shop = try WorkshopShop()
        var ro = try shop.inQC(.minorRepair)
        ro = try shop.move(ro, .readyForPickup, 61)
        try shop.db.dbPool.write { db in
            _ = try Persistence.insert(QualityCheck(repairOrderID: ro.id!, inspectorID: shop.inspector.id,
                                                    inspectorName: "梁振华", passed: false, at: shop.at(62), note: "漏油"), db)
        }
        ro = try shop.fresh(ro)
        let context = try #require(try shop.db.deliveryContext(roID: ro.id!, operator: shop.op(shop.manager)))
        #expect(context.qcFailed)
        #expect(!context.isSatisfiedByData(context.items.first { $0.check == .workAndQC }!))
        var ticks = shop.allManualTicks
        ticks["workAndQC"] = .overridden(reason: "客户急用")
        #expect(throws: DeliveryError.self) {
            try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: ticks, shopName: "店",
                                operator: shop.op(shop.manager), now: shop.at(70))
        }
        #expect(try shop.fresh(ro).stage == .readyForPickup)
    }

    @Test func theShopCanRequireQCForEveryOrder() throws {
        let shop = try WorkshopShop()
        var ro = try shop.open(.minorRepair)
        ro = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                  operator: shop.op(shop.advisor), now: shop.at(5))
        ro = try shop.move(ro, .inProgress, 10)
        try shop.db.setSetting(key: QCRules.requiredForAllSettingKey, value: "1", operator: shop.op(shop.manager),
                                now: shop.at(11))
        let refused = try #require(throws: TransitionError.self) { try shop.move(ro, .readyForPickup, 20) }
        #expect(refused.kind == .qcRequired)
        #expect(refused.message.en == "QC required before ready for pickup: the shop requires QC for every order")
    }

    @Test func theInspectorIsPickedAndNeverTheTechnicianWhoDidTheWork() throws {
        let shop = try WorkshopShop()
        let ro = try shop.inQC(.level2Maintenance)
        let choices = try shop.db.qcInspectors(roID: ro.id!).map(\.id)
        #expect(choices.contains(shop.inspector.id!) && choices.contains(shop.techB.id!))
        #expect(!choices.contains(shop.techA.id!) && !choices.contains(shop.advisor.id!))
        #expect(throws: QCError.self) {
            try shop.db.recordQualityCheck(roID: ro.id!, passed: true, inspectorID: shop.techA.id,
                                           operator: shop.op(shop.inspector), now: shop.at(61))
        }
        #expect(throws: QCError.self) {
            try shop.db.recordQualityCheck(roID: ro.id!, passed: true, inspectorID: shop.advisor.id,
                                           operator: shop.op(shop.inspector), now: shop.at(61))
        }
        // The lead records the sheet signed by technician B, who did not work on the car.
        let check = try shop.db.recordQualityCheck(roID: ro.id!, passed: true, inspectorID: shop.techB.id,
                                                   operator: shop.op(shop.inspector), now: shop.at(62))
        #expect(check.inspectorID == shop.techB.id && check.inspectorName == "张伟")
    }

    @Test func aReadyCarGoesBackForReworkWithAReasonAudited() throws {
        let shop = try WorkshopShop()
        var ro = try shop.inQC(.minorRepair)
        ro = try shop.move(ro, .readyForPickup, 61)
        let refused = try #require(throws: TransitionError.self) { try shop.move(ro, .inProgress, 62) }
        #expect(refused.kind == .reasonRequired)
        ro = try shop.move(ro, .inProgress, 63, note: "客户试车仍有异响")
        #expect(ro.stage == .inProgress)
        #expect(try shop.db.stageChanges(repairOrderID: ro.id!).last?.note == "客户试车仍有异响")
        let audit = try shop.db.auditEntries(entity: RepairOrder.table, entityID: ro.id!)
        #expect(audit.contains { $0.action == "stageChange" && $0.detail.contains("客户试车仍有异响") })
    }
}

@Suite struct OrderAdvisorStoreTests {
    @Test func theAdvisorCheckingInOwnsTheOrderAndOthersMustChoose() throws {
        let shop = try WorkshopShop()
        let clerk = try shop.db.saveStaff(Staff(login: "chenxl", name: "陈小玲", roles: [.reception]),
                                          operator: Operator(staffID: nil, name: "setup"), now: Fixture.morning)
        func open(_ op: Operator, advisor: RowID?) throws -> RepairOrder {
            var ro = Fixture.repairOrder(customer: shop.customer, vehicle: shop.vehicle, openedAt: shop.at(0))
            ro.advisorID = advisor
            return try shop.db.createRepairOrder(ro, concerns: [], jobs: [Job(repairOrderID: 0, description: "保养")],
                                                 operator: op, now: shop.at(0), timeZone: Fixture.shanghai)
        }
        #expect(try open(shop.op(shop.advisor), advisor: nil).advisorID == shop.advisor.id)
        #expect(throws: ValidationError.self) { try open(shop.op(clerk), advisor: nil) }
        #expect(throws: ValidationError.self) { try open(shop.op(clerk), advisor: shop.techA.id) }
        let chosen = try open(shop.op(clerk), advisor: shop.manager.id)
        #expect(chosen.advisorID == shop.manager.id)

        // The board reassigns it, audited, version checked.
        let moved = try shop.db.reassignAdvisor(roID: chosen.id!, advisorID: shop.advisor.id!, version: chosen.version,
                                                operator: shop.op(shop.manager), now: shop.at(5))
        #expect(moved.advisorID == shop.advisor.id)
        #expect(throws: StoreError.self) {
            try shop.db.reassignAdvisor(roID: chosen.id!, advisorID: shop.manager.id!, version: chosen.version,
                                        operator: shop.op(shop.manager), now: shop.at(6))
        }
        let audit = try shop.db.auditEntries(entity: RepairOrder.table, entityID: chosen.id!)
        #expect(audit.contains { $0.action == "reassignAdvisor" })
        let page = try shop.db.waitingBoard(filter: WaitingBoardFilter(advisorID: shop.advisor.id), sort: .risk,
                                            now: shop.at(10), offset: 0, limit: 10)
        #expect(page.rows.contains { $0.id == chosen.id && $0.advisorName == "李娜" })
    }

    @Test func theTechnicianPickerKnowsEachTechniciansOpenJobs() throws {
        let shop = try WorkshopShop()
        for minutes in [0.0, 1] {
            let ro = try shop.open(.minorRepair, minutes: minutes)
            try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                 operator: shop.op(shop.advisor), now: shop.at(minutes + 2))
        }
        let techs = try shop.db.technicians()
        #expect(techs.first { $0.id == shop.techA.id }?.openJobs == 2)
        #expect(techs.first { $0.id == shop.techB.id }?.openJobs == 0)
    }
}
