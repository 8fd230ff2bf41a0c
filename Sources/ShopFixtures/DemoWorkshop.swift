import Foundation
import ServiceDomain
import ServiceStore

/// The demo shop's visits: past repair orders, today's cars at every stage, recent deliveries with
/// callbacks due and overdue, a likely comeback, an open complaint, and two days of appointments.
struct DemoWorkshop {
    let db: AppDatabase
    let staff: DemoStaff
    let timeZone: TimeZone
    let now: Date
    let day: (Int, Int, Int) -> Date

    typealias Car = (customer: Customer, vehicle: Vehicle, km: Int)

    static let concernTexts: [(String, ConcernCategory, RepairClass, ServiceType)] = [
        ("常规保养，换机油机滤", .maintenance, .level1Maintenance, .maintenance),
        ("两万公里保养", .maintenance, .level2Maintenance, .maintenance),
        ("刹车时有异响", .brakes, .minorRepair, .repair),
        ("空调不制冷", .airConditioning, .specialistRepair, .repair),
        ("发动机故障灯亮", .engine, .minorRepair, .repair),
        ("变速箱换挡顿挫", .transmission, .majorAssembly, .warranty),
        ("左前门被刮，需钣喷", .body, .minorRepair, .accident),
        ("轮胎鼓包，更换轮胎", .tyres, .minorRepair, .repair),
        ("过减速带底盘异响", .suspension, .minorRepair, .repair),
        ("中控屏黑屏", .electrical, .specialistRepair, .warranty),
    ]

    static let recommendedWork = ["更换雨刮片", "清洗节气门", "更换空调滤芯", "四轮定位", "更换刹车油"]

    func populate(fleet: [Car], rng: inout SeededRandom, summary: inout DemoSummary) throws {
        var cars = fleet
        // Past visits: about half the customers came before.
        for car in cars where rng.chance(0.45) {
            let ownedDays = car.vehicle.purchaseDate.map { Int(now.timeIntervalSince($0.start(in: timeZone)) / 86_400) } ?? 700
            guard ownedDays > 60 else { continue }
            for visit in 0..<rng.int(1...2) {
                let daysAgo = rng.int(20...min(700, ownedDays - 20)) - visit * 10
                let km = car.km / 3 + (car.km - car.km / 3) * (visit + 1) / 3
                _ = try deliveredVisit(car, daysAgo: max(15, daysAgo), km: km, rng: &rng, summary: &summary,
                                       callbackDone: true)
            }
        }
        cars.shuffle(using: &rng)
        var next = 0
        func take() -> Car { defer { next += 1 }; return cars[next] }

        // The likely comeback: brakes fixed six days ago, back today with the same noise.
        var comebackCar = take()
        while comebackCar.km < 10_000 { comebackCar = take() }
        let earlier = try deliveredVisit(comebackCar, daysAgo: 6, km: comebackCar.km - 600, rng: &rng, summary: &summary,
                                         callbackDone: true, concern: Self.concernTexts[2])
        let later = try openVisit(comebackCar, stage: .checkedIn, km: comebackCar.km, rng: &rng, summary: &summary,
                                  concern: ("刹车还是有异响，上周刚修过", .brakes, .minorRepair, .repair))
        _ = try db.saveComeback(Comeback(earlierRepairOrderID: earlier.id!, laterRepairOrderID: later.id!, source: .checkIn,
                                         createdAt: now), operator: op(staff.reception), now: now)

        // Cars in the shop at every stage.
        let stages: [ROStage] = [.checkedIn, .checkedIn, .dispatched, .dispatched, .inProgress, .inProgress, .inProgress,
                                 .waitingParts, .waitingParts, .qualityCheck, .qualityCheck, .washing,
                                 .readyForPickup, .readyForPickup, .onHold]
        for stage in stages {
            let car = take()
            _ = try openVisit(car, stage: stage, km: car.km, rng: &rng, summary: &summary, concern: nil)
        }

        // Delivered yesterday and the day before: callbacks due now, some overdue and already tried.
        for i in 0..<12 {
            let car = take()
            let ro = try deliveredVisit(car, daysAgo: i < 8 ? 1 : 2, km: car.km, rng: &rng, summary: &summary,
                                        callbackDone: false)
            _ = ro
        }

        // An open complaint from a customer delivered three days ago.
        let unhappy = take()
        let ro = try deliveredVisit(unhappy, daysAgo: 3, km: unhappy.km, rng: &rng, summary: &summary, callbackDone: true,
                                    concern: Self.concernTexts[3])
        _ = try db.saveComplaint(Complaint(customerID: unhappy.customer.id!, repairOrderID: ro.id, category: .repairQuality,
                                           channel: .callback, step: .registered,
                                           description: "空调修后仍不够凉，客户要求再次检查", ownerID: staff.advisors[1].id,
                                           openedAt: day(-2, 10, 30)),
                                 operator: op(staff.advisors[1]), now: day(-2, 10, 30))

        // Appointments today and tomorrow.
        for offset in 0...1 {
            for slot in 0..<(offset == 0 ? 14 : 10) {
                let car = take()
                let minutes = 8 * 60 + 30 + slot * 30
                let concern = rng.pick(Self.concernTexts)
                _ = try db.saveAppointment(
                    Appointment(customerID: car.customer.id!, vehicleID: car.vehicle.id!,
                                slotStart: day(offset, minutes / 60, minutes % 60),
                                lane: concern.1 == .maintenance && rng.chance(0.5) ? .express : .regular,
                                serviceType: concern.3, concerns: concern.0, isWaiter: rng.chance(0.3),
                                status: offset == 0 ? rng.pick([.confirmed, .confirmed, .booked]) : .booked),
                    operator: op(staff.reception), now: day(offset - 2, 15, 0))
                summary.appointments += 1
            }
        }
    }

    private func op(_ s: Staff) -> Operator { Operator(staffID: s.id, name: s.name) }

    /// A visit that was delivered `daysAgo`, with its callback (done or still due).
    private func deliveredVisit(_ car: Car, daysAgo: Int, km: Int, rng: inout SeededRandom, summary: inout DemoSummary,
                                callbackDone: Bool,
                                concern: (String, ConcernCategory, RepairClass, ServiceType)? = nil) throws -> RepairOrder {
        let opened = day(-daysAgo, rng.int(8...10), rng.pick([0, 15, 30, 45]))
        var ro = try open(car, openedAt: opened, km: km, rng: &rng, summary: &summary, concern: concern ?? rng.pick(Self.concernTexts))
        let advisor = staff.advisors.first { $0.id == ro.advisorID } ?? staff.advisors[0]
        var t = opened
        for stage in [ROStage.dispatched, .inProgress, .qualityCheck, .washing, .readyForPickup] {
            t = t.addingTimeInterval(Double(rng.int(20...70)) * 60)
            if stage == .washing {
                _ = try db.recordQualityCheck(roID: ro.id!, passed: true, operator: op(staff.lead), now: t)
                ro = try db.repairOrder(id: ro.id!)!
                t = t.addingTimeInterval(60)
            }
            ro = try db.recordStageChange(roID: ro.id!, from: ro.stage, to: stage, version: ro.version,
                                          operator: op(advisor), now: t)
            if stage == .inProgress, rng.chance(0.3) {
                // Work found on the lift that the customer put off: shown again at the next check-in.
                let extra = try db.addAdditionalJob(roID: ro.id!, description: rng.pick(Self.recommendedWork),
                                                    labour: .yuan(120), parts: .yuan(380), operator: op(advisor), now: t)
                _ = try db.decideAdditionalJob(jobID: extra.id!, approved: false, method: .phone, operator: op(advisor),
                                               now: t)
                ro = try db.repairOrder(id: ro.id!)!
            }
        }
        // Some bills came out above the estimate; the customer approved the difference at delivery.
        ro.finalLabour = ro.estimateLabour
        ro.finalParts = ro.estimateParts + Fen(Int64(rng.int(0...3)) * 5_000)
        ro = try db.updateRepairOrder(ro, operator: op(advisor), now: t)
        let delivered = t.addingTimeInterval(Double(rng.int(10...90)) * 60)
        var ticked: [String: DeliveryItemState] = [:]
        for item in DeliveryChecklist.defaultItems where item.check == .manual { ticked[item.key] = .done }
        ticked["amount"] = .doneWithNote("客户同意增加的材料费")
        let result = try db.deliver(roID: ro.id!, version: ro.version, ticked: ticked, shopName: DemoShop.shopName,
                                    operator: op(advisor), now: delivered)
        ro = result.order
        var callback = result.callback
        let due = callback.dueAt
        if callbackDone {
            callback.status = .completed
            callback.attempts = 1
            callback.completedAt = due.addingTimeInterval(-3600)
            callback.satisfaction = rng.pick([7, 8, 9, 9, 10, 10])
            _ = try db.saveCallback(callback, operator: op(advisor), now: due.addingTimeInterval(-3600))
        } else {
            summary.callbacksOpen += 1
            if due < now, rng.chance(0.5) {
                callback.attempts = 1
                _ = try db.saveCallback(callback, operator: op(advisor), now: min(now, due.addingTimeInterval(1800)))
            }
        }
        return ro
    }

    /// A car in the workshop now, moved to `stage`.
    private func openVisit(_ car: Car, stage: ROStage, km: Int, rng: inout SeededRandom, summary: inout DemoSummary,
                           concern: (String, ConcernCategory, RepairClass, ServiceType)?) throws -> RepairOrder {
        let opened = now.addingTimeInterval(-Double(rng.int(20...300)) * 60)
        var ro = try open(car, openedAt: opened, km: km, rng: &rng, summary: &summary, concern: concern ?? rng.pick(Self.concernTexts))
        summary.openRepairOrders += 1
        let advisor = staff.advisors.first { $0.id == ro.advisorID } ?? staff.advisors[0]
        let path: [ROStage]
        switch stage {
        case .checkedIn: path = []
        case .dispatched: path = [.dispatched]
        case .inProgress: path = [.dispatched, .inProgress]
        case .waitingParts: path = [.dispatched, .inProgress, .waitingParts]
        case .qualityCheck: path = [.dispatched, .inProgress, .qualityCheck]
        case .washing: path = [.dispatched, .inProgress, .qualityCheck, .washing]
        case .readyForPickup: path = [.dispatched, .inProgress, .qualityCheck, .washing, .readyForPickup]
        case .onHold: path = [.dispatched, .inProgress, .onHold]
        default: path = []
        }
        var t = opened
        let step = now.timeIntervalSince(opened) / Double(path.count + 1)
        for next in path {
            t = t.addingTimeInterval(step)
            if next == .washing || (next == .readyForPickup && ro.stage == .qualityCheck) {
                // The workshop lead signs the QC sheet before the car leaves QC.
                _ = try db.recordQualityCheck(roID: ro.id!, passed: true, operator: op(staff.lead),
                                              now: t.addingTimeInterval(-60))
                ro = try db.repairOrder(id: ro.id!)!
            }
            if next == .onHold {
                _ = try db.addAdditionalJob(roID: ro.id!, description: "更换前刹车片（已磨损至 3mm）", labour: .yuan(150),
                                            parts: .yuan(460), operator: op(advisor), now: t.addingTimeInterval(-120))
                ro = try db.repairOrder(id: ro.id!)!
            }
            ro = try db.recordStageChange(roID: ro.id!, from: ro.stage, to: next, version: ro.version,
                                          note: next == .onHold ? "等待客户确认增项报价" : "", operator: op(advisor), now: t)
        }
        return ro
    }

    private func open(_ car: Car, openedAt: Date, km: Int, rng: inout SeededRandom, summary: inout DemoSummary,
                      concern: (String, ConcernCategory, RepairClass, ServiceType)) throws -> RepairOrder {
        let advisor = rng.pick(staff.advisors)
        summary.repairOrders += 1
        let labourHours = rng.int(1...6)
        let draft = RepairOrder(
            number: "", customerID: car.customer.id!, vehicleID: car.vehicle.id!, advisorID: advisor.id,
            serviceType: concern.3, repairClass: concern.2, openedAt: openedAt,
            promisedAt: openedAt.addingTimeInterval(Double(labourHours) * 3600 + 3600),
            mileageIn: km, fuelLevel: rng.pick(FuelLevel.allCases), isWaiter: rng.chance(0.25),
            walkAroundNotes: rng.pick(["", "右后保险杠旧划痕", "已提醒客户带走贵重物品", "前挡风玻璃小裂纹"]),
            contactPhone: car.customer.phones[0], preferredCallbackTime: car.customer.preferredCallTime,
            estimateLabour: Fen.yuan(Int64(labourHours * 180)), estimateParts: Fen.yuan(Int64(rng.int(0...12) * 150)),
            checkInSeconds: rng.int(35...95))
        let technician = rng.pick(staff.technicians)
        return try db.createRepairOrder(
            draft,
            concerns: [Concern(repairOrderID: 0, text: concern.0, category: concern.1)],
            jobs: [Job(repairOrderID: 0, description: concern.0, technicianID: technician.id,
                       labour: draft.estimateLabour, parts: draft.estimateParts, labourHours: Double(labourHours))],
            operator: Operator(staffID: staff.reception.id, name: staff.reception.name), now: openedAt, timeZone: timeZone)
    }
}
