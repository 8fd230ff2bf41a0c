import Foundation
import ServiceDomain
import ServiceStore

/// The repair orders of a bulk dataset: history day by day (oldest first, so odometers only grow),
/// then today's cars in the workshop.
struct BulkVisits {
    let dataset: BulkDataset
    let staff: BulkStaff
    let vehicleIDs: [Int64]
    let ownerIDs: [Int64]
    let ownerPhone: [Int64: String]

    typealias ConcernKind = (String, ConcernCategory, RepairClass, ServiceType)

    func load(into db: AppDatabase, rng: inout SeededRandom, odometer: inout [Int32], summary: inout BulkDatasetSummary,
              operator system: Operator, progress: (String) -> Void) throws {
        let cal = ShopCalendar.calendar(dataset.timeZone)
        let today = cal.startOfDay(for: dataset.now)
        let days = dataset.years * 365
        let openCount = min(dataset.openToday, dataset.repairOrders, vehicleIDs.count)
        let history = dataset.repairOrders - openCount
        let firstOpenCallback = history - min(dataset.dueCallbacks, history)

        // Per vehicle: the day and order index of its last visit, and who worked on it (comebacks).
        var lastVisitDay = [Int32](repeating: -1_000, count: vehicleIDs.count)
        var lastVisitIndex = [Int32](repeating: -1, count: vehicleIDs.count)
        var lastTechnician = [Int64](repeating: 0, count: vehicleIDs.count)
        var roIDs: [Int64] = []
        roIDs.reserveCapacity(dataset.repairOrders)
        var batch: [BulkRepairOrder] = []
        var pendingComebacks: [(earlier: Int32, later: Int32, technician: Int64, at: Date)] = []
        var comebacks: [Comeback] = []

        func flush() throws {
            guard !batch.isEmpty else { return }
            roIDs += try db.bulkLoadRepairOrders(batch, operator: system, now: dataset.now)
            summary.repairOrders += batch.count
            batch.removeAll(keepingCapacity: true)
            for c in pendingComebacks {
                comebacks.append(comeback(rng: &rng, earlier: roIDs[Int(c.earlier)], later: roIDs[Int(c.later)],
                                          technician: c.technician, at: c.at))
            }
            pendingComebacks.removeAll()
            if comebacks.count >= dataset.batchSize {
                summary.comebacks += try db.bulkLoadComebacks(comebacks, operator: system, now: dataset.now).count
                comebacks.removeAll()
            }
            progress("repair orders \(summary.repairOrders)/\(dataset.repairOrders)")
        }

        var index: Int32 = 0
        for d in 0..<days where history > 0 {
            let count = history * (d + 1) / days - history * d / days
            guard count > 0 else { continue }
            let dayStart = cal.date(byAdding: .day, value: d - days, to: today)!
            let dayKey = RONumber.dayKey(dayStart.addingTimeInterval(12 * 3600), timeZone: dataset.timeZone)
            for sequence in 1...count {
                let v = rng.int(0..<vehicleIDs.count)
                odometer[v] += Int32(rng.int(2_000...12_000))
                // Opened through the working day in sequence order, 08:00–17:00.
                let minute = 8 * 60 + (sequence - 1) * 540 / count + rng.int(0...4)
                let opened = dayStart.addingTimeInterval(Double(minute) * 60)
                let technician = rng.pick(staff.technicians).id!
                var visit = makeVisit(rng: &rng, vehicle: v, number: "RO-\(dayKey)-" + pad4(sequence), opened: opened,
                                      km: Int(odometer[v]), technician: technician)
                let closed = opened.addingTimeInterval(Double(rng.int(60...480)) * 60)
                visit.order.stage = .delivered
                visit.order.closedAt = closed
                visit.order.finalLabour = visit.order.estimateLabour
                visit.order.finalParts = visit.order.estimateParts + Fen(Int64(rng.int(0...3)) * 5_000)
                visit.jobs[0].status = .done
                visit.stageChanges = [StageChange(repairOrderID: 0, from: .readyForPickup, to: .delivered, at: closed,
                                                  operatorID: visit.order.advisorID)]
                visit.callback = callback(rng: &rng, delivered: closed, open: Int(index) >= firstOpenCallback)
                if visit.callback?.status == .open { summary.callbacksDue += 1 }
                if d - Int(lastVisitDay[v]) <= 30, lastVisitIndex[v] >= 0, rng.chance(0.6) {
                    pendingComebacks.append((lastVisitIndex[v], index, lastTechnician[v], opened))
                }
                lastVisitDay[v] = Int32(d)
                lastVisitIndex[v] = index
                lastTechnician[v] = technician
                batch.append(visit)
                index += 1
                if batch.count == dataset.batchSize { try flush() }
            }
        }

        // Today's cars at every stage, each a different vehicle.
        let stages: [ROStage] = [.checkedIn, .dispatched, .inProgress, .inProgress, .inProgress, .waitingParts,
                                 .qualityCheck, .washing, .readyForPickup, .onHold]
        var chosen = Set<Int>()
        for sequence in 1...max(1, openCount) where openCount > 0 {
            var v = rng.int(0..<vehicleIDs.count)
            while chosen.contains(v) { v = rng.int(0..<vehicleIDs.count) }
            chosen.insert(v)
            odometer[v] += Int32(rng.int(2_000...12_000))
            let opened = today.addingTimeInterval(Double(8 * 60 + sequence * 2) * 60)
            let stage = stages[sequence % stages.count]
            var visit = makeVisit(rng: &rng, vehicle: v,
                                  number: "RO-" + RONumber.dayKey(opened, timeZone: dataset.timeZone) + "-" + pad4(sequence),
                                  opened: opened, km: Int(odometer[v]), technician: rng.pick(staff.technicians).id!)
            visit.order.stage = stage
            if stage == .onHold { visit.order.holdReason = "等待客户确认增项报价" }
            visit.stageChanges = [StageChange(repairOrderID: 0, from: nil, to: .checkedIn, at: opened,
                                              operatorID: visit.order.advisorID)]
            if stage != .checkedIn {
                visit.stageChanges.append(StageChange(repairOrderID: 0, from: .checkedIn, to: stage,
                                                      at: opened.addingTimeInterval(1_800),
                                                      operatorID: visit.order.advisorID))
            }
            batch.append(visit)
            summary.openRepairOrders += 1
        }
        try flush()
        summary.comebacks += try db.bulkLoadComebacks(comebacks, operator: system, now: dataset.now).count
    }

    private func makeVisit(rng: inout SeededRandom, vehicle v: Int, number: String, opened: Date, km: Int,
                           technician: Int64) -> BulkRepairOrder {
        let concern: ConcernKind = rng.pick(DemoWorkshop.concernTexts)
        let hours = rng.int(1...6)
        let owner = ownerIDs[v]
        let order = RepairOrder(
            number: number, customerID: owner, vehicleID: vehicleIDs[v], advisorID: rng.pick(staff.advisors).id,
            serviceType: concern.3, repairClass: concern.2, openedAt: opened,
            promisedAt: opened.addingTimeInterval(Double(hours) * 3600 + 3600), mileageIn: km,
            fuelLevel: rng.pick(FuelLevel.allCases), isWaiter: rng.chance(0.25),
            walkAroundNotes: rng.pick(["", "", "右后保险杠旧划痕", "已提醒客户带走贵重物品", "前挡风玻璃小裂纹"]),
            contactPhone: ownerPhone[owner] ?? "", estimateLabour: Fen.yuan(Int64(hours * 180)),
            estimateParts: Fen.yuan(Int64(rng.int(0...12) * 150)), checkInSeconds: rng.int(35...95))
        return BulkRepairOrder(
            order: order,
            concerns: [Concern(repairOrderID: 0, text: concern.0, category: concern.1)],
            jobs: [Job(repairOrderID: 0, description: concern.0, technicianID: technician,
                       labour: order.estimateLabour, parts: order.estimateParts, labourHours: Double(hours))])
    }

    /// The 24-hour follow-up call: still to make for the most recent deliveries, otherwise mostly done.
    private func callback(rng: inout SeededRandom, delivered: Date, open: Bool) -> Callback {
        let due = delivered.addingTimeInterval(24 * 3600)
        if open { return Callback(repairOrderID: 0, dueAt: due, attempts: rng.chance(0.3) ? 1 : 0) }
        switch rng.int(0..<100) {
        case 0..<7: return Callback(repairOrderID: 0, dueAt: due, status: .unreachable, attempts: 3)
        case 7..<10: return Callback(repairOrderID: 0, dueAt: due, status: .declined, attempts: 1,
                                     completedAt: due.addingTimeInterval(1_800))
        default:
            return Callback(repairOrderID: 0, dueAt: due, status: .completed, attempts: rng.int(1...2),
                            completedAt: due.addingTimeInterval(Double(rng.int(0...240)) * 60),
                            satisfaction: rng.pick([6, 7, 8, 8, 9, 9, 9, 10, 10, 10]))
        }
    }

    private func comeback(rng: inout SeededRandom, earlier: Int64, later: Int64, technician: Int64, at: Date) -> Comeback {
        switch rng.int(0..<10) {
        case 0: return Comeback(earlierRepairOrderID: earlier, laterRepairOrderID: later, source: .checkIn, createdAt: at)
        case 1...3:
            return Comeback(earlierRepairOrderID: earlier, laterRepairOrderID: later, source: .leadSearch,
                            status: .dismissed, rootCause: .differentConcern, decidedAt: at.addingTimeInterval(7_200),
                            reason: "与上次维修项目无关", createdAt: at)
        default:
            return Comeback(earlierRepairOrderID: earlier, laterRepairOrderID: later,
                            source: rng.pick([.checkIn, .followUp]), status: .confirmed,
                            rootCause: rng.pick([.misdiagnosis, .workmanship, .partFailure]),
                            responsibleTechnicianID: technician, decidedAt: at.addingTimeInterval(7_200),
                            createdAt: at)
        }
    }

    private func pad4(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
