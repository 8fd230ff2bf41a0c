import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// A small shop for workshop tests: an advisor, two technicians, an inspector, a manager and one car.
struct WorkshopShop {
    let db: AppDatabase
    let folder: TempFolder
    let advisor: Staff
    let techA: Staff
    let techB: Staff
    let inspector: Staff
    let manager: Staff
    let customer: Customer
    let vehicle: Vehicle

    init() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        self.folder = folder
        self.db = db
        let admin = Operator(staffID: nil, name: "setup")
        func staff(_ login: String, _ name: String, _ roles: Set<Role>, skill: Int = 0) throws -> Staff {
            try db.saveStaff(Staff(login: login, name: name, roles: roles, skillLevel: skill), operator: admin,
                             now: Fixture.morning)
        }
        advisor = try staff("lina", "李娜", [.advisor])
        techA = try staff("liudm", "刘德明", [.technician], skill: 5)
        techB = try staff("zhangw", "张伟", [.technician], skill: 3)
        inspector = try staff("liangzh", "梁振华", [.workshopLead, .technician], skill: 5)
        manager = try staff("zhengjg", "郑建国", [.manager, .advisor])
        let customer = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        self.customer = customer
        vehicle = try Fixture.vehicle(db, owner: customer, plate: "粤A12345")
    }

    func op(_ s: Staff) -> Operator { Operator(staffID: s.id, name: s.name) }

    func at(_ minutes: Double) -> Date { Fixture.morning.addingTimeInterval(minutes * 60) }

    func open(_ repairClass: RepairClass = .level2Maintenance, jobs: [String] = ["二级维护"], concerns: [String] = [],
              minutes: Double = 0, promiseHours: Double = 4, waiter: Bool = false, vehicle car: Vehicle? = nil)
        throws -> RepairOrder {
        var ro = Fixture.repairOrder(customer: customer, vehicle: car ?? vehicle, openedAt: at(minutes))
        ro.repairClass = repairClass
        ro.advisorID = advisor.id
        ro.promisedAt = at(minutes + promiseHours * 60)
        ro.isWaiter = waiter
        ro.estimateLabour = .yuan(300)
        ro.estimateParts = .yuan(200)
        return try db.createRepairOrder(
            ro, concerns: concerns.map { Concern(repairOrderID: 0, text: $0, category: .maintenance) },
            jobs: jobs.map { Job(repairOrderID: 0, description: $0, labour: .yuan(300), parts: .yuan(200)) },
            operator: op(advisor), now: at(minutes), timeZone: Fixture.shanghai)
    }

    func move(_ ro: RepairOrder, _ to: ROStage, _ minutes: Double, note: String = "") throws -> RepairOrder {
        try db.recordStageChange(roID: ro.id!, from: ro.stage, to: to, version: ro.version, note: note,
                                 operator: op(advisor), now: at(minutes))
    }

    func fresh(_ ro: RepairOrder) throws -> RepairOrder { try db.repairOrder(id: ro.id!)! }

    /// Checked in, dispatched to technician A, in progress, in QC.
    func inQC(_ repairClass: RepairClass = .level2Maintenance) throws -> RepairOrder {
        var ro = try open(repairClass)
        ro = try db.dispatch(roID: ro.id!, technicianID: techA.id!, version: ro.version, operator: op(advisor), now: at(5))
        ro = try move(ro, .inProgress, 10)
        return try move(ro, .qualityCheck, 60)
    }

    var allManualTicks: [String: DeliveryItemState] {
        var t: [String: DeliveryItemState] = [:]
        for item in DeliveryChecklist.defaultItems where item.check == .manual { t[item.key] = .done }
        return t
    }
}

@Suite struct WorkshopStoreTests {
    @Test func dispatchAssignsEveryJobAndMovesTheOrder() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(jobs: ["二级维护", "四轮定位"])
        #expect(throws: DispatchError.self) { try shop.move(ro, .dispatched, 2) }
        let dispatched = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                              operator: shop.op(shop.advisor), now: shop.at(5))
        #expect(dispatched.stage == .dispatched)
        #expect(try shop.db.jobs(repairOrderID: ro.id!).allSatisfy { $0.technicianID == shop.techA.id })
        // Reassigning needs a reason, and keeps the history.
        #expect(throws: DispatchError.self) {
            try shop.db.dispatch(roID: ro.id!, technicianID: shop.techB.id!, version: dispatched.version,
                                 operator: shop.op(shop.advisor), now: shop.at(6))
        }
        let reassigned = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techB.id!, version: dispatched.version,
                                              reason: "刘师傅请假", operator: shop.op(shop.advisor), now: shop.at(7))
        #expect(reassigned.stage == .dispatched)
        let job = try shop.db.jobs(repairOrderID: ro.id!)[0]
        #expect(job.technicianID == shop.techB.id)
        let history = try shop.db.jobAssignments(jobID: job.id!)
        #expect(history.map(\.toTechnicianID) == [shop.techA.id!, shop.techB.id!])
        #expect(history.last?.reason == "刘师傅请假")
        // Only technicians.
        #expect(throws: DispatchError.self) {
            try shop.db.dispatch(roID: ro.id!, technicianID: shop.advisor.id!, version: reassigned.version,
                                 reason: "x", operator: shop.op(shop.advisor), now: shop.at(8))
        }
    }

    @Test func anOrderWithoutJobsGetsOneJobPerConcernAtDispatch() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair, jobs: [], concerns: ["刹车异响", "空调不制冷"])
        let dispatched = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                              operator: shop.op(shop.advisor), now: shop.at(5))
        #expect(dispatched.stage == .dispatched)
        #expect(try shop.db.jobs(repairOrderID: ro.id!).map(\.description) == ["刹车异响", "空调不制冷"])
    }

    @Test func lifecycleIsEnforcedWithQCFromTheData() throws {
        let shop = try WorkshopShop()
        var ro = try shop.inQC(.level2Maintenance)
        let refusal = try #require(throws: TransitionError.self) { try shop.move(ro, .readyForPickup, 61) }
        #expect(refusal.message.en == "QC required before ready for pickup: level-2 maintenance")
        // Leaving the floor for QC marked the work done.
        #expect(try shop.db.jobs(repairOrderID: ro.id!).allSatisfy { $0.status == .done })
        // Only staff inspect; the inspector's name goes on the sheet.
        #expect(throws: QCError.self) {
            try shop.db.recordQualityCheck(roID: ro.id!, passed: true, operator: Fixture.advisor, now: shop.at(62))
        }
        let check = try shop.db.recordQualityCheck(roID: ro.id!, passed: true, operator: shop.op(shop.inspector),
                                                   now: shop.at(65))
        #expect(check.inspectorName == "梁振华")
        ro = try shop.fresh(ro)
        ro = try shop.move(ro, .washing, 70)
        ro = try shop.move(ro, .readyForPickup, 80)
        #expect(ro.stage == .readyForPickup)
        // Delivery goes through the checklist only.
        #expect(throws: StoreError.self) { try shop.move(ro, .delivered, 90) }
        let changes = try shop.db.stageChanges(repairOrderID: ro.id!)
        #expect(changes.map(\.to) == [.checkedIn, .dispatched, .inProgress, .qualityCheck, .washing, .readyForPickup])
        #expect(changes.allSatisfy { $0.operatorID != nil })
        let times = AppDatabase.timeInStages(changes, now: shop.at(90))
        #expect(times[.inProgress] == 50 * 60 && times[.readyForPickup] == 10 * 60)
    }

    @Test func aFailedQCSendsTheCarBackAndAnOldPassDoesNotCount() throws {
        let shop = try WorkshopShop()
        var ro = try shop.inQC(.majorAssembly)
        _ = try shop.db.recordQualityCheck(roID: ro.id!, passed: true, operator: shop.op(shop.inspector), now: shop.at(61))
        ro = try shop.fresh(ro)
        ro = try shop.move(ro, .inProgress, 62)
        ro = try shop.move(ro, .qualityCheck, 90)
        #expect(throws: TransitionError.self) { try shop.move(ro, .washing, 91) }
        #expect(throws: QCError.self) {
            try shop.db.recordQualityCheck(roID: ro.id!, passed: false, note: "", operator: shop.op(shop.inspector),
                                           now: shop.at(92))
        }
    }

    @Test func holdResumesWhereItLeft() throws {
        let shop = try WorkshopShop()
        var ro = try shop.open(.minorRepair)
        ro = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                  operator: shop.op(shop.advisor), now: shop.at(5))
        ro = try shop.move(ro, .inProgress, 10)
        #expect(throws: TransitionError.self) { try shop.move(ro, .onHold, 11) }
        ro = try shop.move(ro, .onHold, 12, note: "等客户确认增项")
        #expect(ro.holdReason == "等客户确认增项")
        #expect(throws: TransitionError.self) { try shop.move(ro, .dispatched, 13) }
        ro = try shop.move(ro, .inProgress, 14)
        ro = try shop.move(ro, .cancelled, 15, note: "客户改去别家")
        #expect(ro.closedAt == shop.at(15) && ro.cancelReason == "客户改去别家")
    }

    @Test func additionalWorkNeedsAnAnswerAndDeclinedWorkIsRecommendedNextTime() throws {
        let shop = try WorkshopShop()
        var ro = try shop.open(.minorRepair)
        ro = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                  operator: shop.op(shop.advisor), now: shop.at(5))
        ro = try shop.move(ro, .inProgress, 10)
        let pads = try shop.db.addAdditionalJob(roID: ro.id!, description: "更换前刹车片", labour: .yuan(150),
                                                parts: .yuan(460), operator: shop.op(shop.techA), now: shop.at(20))
        let wipers = try shop.db.addAdditionalJob(roID: ro.id!, description: "更换雨刮片", labour: .zero, parts: .yuan(90),
                                                  operator: shop.op(shop.techA), now: shop.at(21))
        #expect(pads.status == .awaitingApproval && pads.technicianID == shop.techA.id)
        ro = try shop.fresh(ro)
        #expect(throws: DispatchError.self) { try shop.move(ro, .readyForPickup, 30) }
        _ = try shop.db.decideAdditionalJob(jobID: pads.id!, approved: true, method: .phone, operator: shop.op(shop.advisor), now: shop.at(31))
        _ = try shop.db.decideAdditionalJob(jobID: wipers.id!, approved: false, method: .phone, operator: shop.op(shop.advisor),
                                            now: shop.at(32))
        #expect(throws: DispatchError.self) {
            try shop.db.decideAdditionalJob(jobID: wipers.id!, approved: true, method: .phone, operator: shop.op(shop.advisor), now: shop.at(33))
        }
        ro = try shop.move(try shop.fresh(ro), .readyForPickup, 40)
        let jobs = try shop.db.jobs(repairOrderID: ro.id!)
        #expect(jobs.map(\.status) == [.done, .done, .declined])
        #expect(try shop.db.recommendations(vehicleID: shop.vehicle.id!).map(\.description) == ["更换雨刮片"])
    }

    @Test func delayNoticeKeepsTheHistoryAndMovesThePromise() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair)
        #expect(throws: ValidationError.self) {
            try shop.db.notifyDelay(roID: ro.id!, newPromisedAt: shop.at(60), version: ro.version,
                                    operator: shop.op(shop.advisor), now: shop.at(30))
        }
        let moved = try shop.db.notifyDelay(roID: ro.id!, newPromisedAt: shop.at(6 * 60), version: ro.version,
                                            note: "客户同意", operator: shop.op(shop.advisor), now: shop.at(200))
        #expect(moved.promisedAt == shop.at(6 * 60))
        let detail = try #require(try shop.db.repairOrderDetail(roID: ro.id!))
        #expect(detail.delays.count == 1)
        #expect(detail.delays[0].oldPromisedAt == shop.at(4 * 60) && detail.delays[0].note == "客户同意")
        #expect(throws: StoreError.self) {
            try shop.db.notifyDelay(roID: ro.id!, newPromisedAt: shop.at(7 * 60), version: ro.version,
                                    operator: shop.op(shop.advisor), now: shop.at(201))
        }
    }

    @Test func twoTerminalsMovingTheSameOrderOneWins() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair)
        let other = try AppDatabase.open(path: shop.folder.dbPath, timeZone: Fixture.shanghai)
        _ = try other.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                               operator: shop.op(shop.manager), now: shop.at(3))
        let conflict = try #require(throws: StoreError.self) {
            try shop.db.dispatch(roID: ro.id!, technicianID: shop.techB.id!, version: ro.version,
                                 operator: shop.op(shop.advisor), now: shop.at(4))
        }
        guard case .conflict(_, _, let by, _) = conflict else { Issue.record("expected a conflict"); return }
        #expect(by == "郑建国")
        #expect(try shop.fresh(ro).stage == .dispatched)
        try other.close()
    }

    @Test func deliveryGateOverrideAndCallback() throws {
        let shop = try WorkshopShop()
        var ro = try shop.inQC(.level2Maintenance)
        _ = try shop.db.recordQualityCheck(roID: ro.id!, passed: true, operator: shop.op(shop.inspector), now: shop.at(61))
        ro = try shop.move(try shop.fresh(ro), .readyForPickup, 70)
        var ticks = shop.allManualTicks
        ticks["oldParts"] = nil
        let missing = try #require(throws: DeliveryError.self) {
            try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: ticks, shopName: "天河店",
                                operator: shop.op(shop.advisor), now: shop.at(90))
        }
        #expect(missing.missing == ["oldParts"])
        ticks["oldParts"] = .overridden(reason: "旧件按保修返厂")
        let refused = try #require(throws: DeliveryError.self) {
            try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: ticks, shopName: "天河店",
                                operator: shop.op(shop.advisor), now: shop.at(90))
        }
        #expect(refused.message == DeliveryChecklist.overrideRefused)
        #expect(try shop.fresh(ro).stage == .readyForPickup)
        try shop.db.setSetting(key: DeliveryChecklist.callbackWindowSettingKey, value: "48",
                               operator: shop.op(shop.manager), now: shop.at(89))
        let result = try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: ticks, shopName: "天河店",
                                         operator: shop.op(shop.manager), now: shop.at(90))
        #expect(result.order.stage == .delivered && result.order.closedAt == shop.at(90))
        #expect(result.order.finalLabour == .yuan(300) && result.order.finalParts == .yuan(200))
        #expect(result.callback.dueAt == shop.at(90 + 48 * 60) && result.callback.kind == .afterDelivery)
        #expect(try shop.db.callbacks(statusIn: [.open]).map(\.repairOrderID) == [ro.id!])
        #expect(result.summary.contains(ro.number) && result.summary.contains("梁振华"))
        let checks = try shop.db.deliveryChecks(roID: ro.id!)
        #expect(checks.count == 9)
        #expect(checks.first { $0.itemKey == "oldParts" }?.state == "overridden")
        let audit = try shop.db.auditEntries(entity: "repair_order", entityID: ro.id!)
        #expect(audit.contains { $0.action == "deliveryOverride" && $0.operatorName == "郑建国" && $0.detail.contains("旧件按保修返厂") })
    }

    @Test func deliveryNeedsReadyForPickup() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair)
        #expect(throws: StoreError.self) {
            try shop.db.deliver(roID: ro.id!, version: ro.version, ticked: shop.allManualTicks, shopName: "",
                                operator: shop.op(shop.manager), now: shop.at(90))
        }
    }
}

@Suite struct WorkshopJobAssignmentTests {
    @Test func eachJobCanHaveItsOwnTechnician() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair, jobs: ["刹车检修", "空调检修"])
        let jobs = try shop.db.jobs(repairOrderID: ro.id!)
        _ = try shop.db.assignTechnician(jobID: jobs[0].id!, technicianID: shop.techA.id!, operator: shop.op(shop.advisor),
                                         now: shop.at(1))
        #expect(throws: DispatchError.self) { try shop.move(try shop.fresh(ro), .dispatched, 2) }
        _ = try shop.db.assignTechnician(jobID: jobs[1].id!, technicianID: shop.techB.id!, operator: shop.op(shop.advisor),
                                         now: shop.at(3))
        #expect(throws: DispatchError.self) {
            try shop.db.assignTechnician(jobID: jobs[1].id!, technicianID: shop.techA.id!, operator: shop.op(shop.advisor),
                                         now: shop.at(4))
        }
        let moved = try shop.move(try shop.fresh(ro), .dispatched, 5)
        #expect(moved.stage == .dispatched)
        #expect(try shop.db.jobs(repairOrderID: ro.id!).map(\.technicianID) == [shop.techA.id, shop.techB.id])
    }
}
