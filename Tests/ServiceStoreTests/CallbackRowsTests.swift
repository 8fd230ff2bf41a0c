import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore

/// The follow-up queue reads its rows in three set-based queries; they must give exactly what the
/// query-per-callback code gave (kept here as the reference), in the same order.
@Suite struct CallbackRowsTests {
    /// The earlier implementation: the callback's order, customer, vehicle, advisor and jobs one by one.
    static func referenceRow(_ db: Database, _ callback: Callback) throws -> CallbackRow? {
        guard let order = try Persistence.fetch(RepairOrder.self, db, id: callback.repairOrderID) else { return nil }
        let customer = try CustomerPhones.customer(db, id: order.customerID)
        let vehicle = try Persistence.fetch(Vehicle.self, db, id: order.vehicleID)
        let advisor = try order.advisorID.flatMap { try Persistence.fetch(Staff.self, db, id: $0) }
        let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [order.id])
            .filter { $0.status != .declined }
        var technicianNames: [String] = []
        for id in jobs.compactMap(\.technicianID) {
            if let name = try Persistence.fetch(Staff.self, db, id: id)?.name, !technicianNames.contains(name) {
                technicianNames.append(name)
            }
        }
        let phone = order.contactPhone.isEmpty ? (customer?.primaryPhone ?? "") : order.contactPhone
        let preferred = order.preferredCallbackTime.isEmpty ? (customer?.preferredCallTime ?? "") : order.preferredCallbackTime
        return CallbackRow(callback: callback, roNumber: order.number, customerID: order.customerID,
                           customerName: customer?.name ?? "", phone: phone, plate: vehicle?.plate ?? "",
                           model: vehicle?.model ?? "", advisorID: order.advisorID, advisorName: advisor?.name ?? "",
                           workDone: jobs.map(\.description).joined(separator: "、"),
                           technicians: technicianNames.joined(separator: "、"), preferredCallTime: preferred,
                           deliveredAt: order.closedAt,
                           callWindow: try AppDatabase.callWindow(db, repairOrderID: order.id!))
    }

    /// Orders with several jobs (one declined, one without a technician, a technician twice), a contact
    /// phone or none, a preferred time on the order or on the customer, with and without an advisor;
    /// callbacks due, overdue, waiting for a retry, closed as unreachable, and completed.
    private func shop(_ folder: TempFolder) throws -> AppDatabase {
        let db = try Fixture.open(folder)
        let setup = Operator(staffID: nil, name: "setup")
        let now = Fixture.morning
        let advisor = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: setup, now: now)
        let t1 = try db.saveStaff(Staff(login: "t1", name: "赵师傅", roles: [.technician]), operator: setup, now: now)
        let t2 = try db.saveStaff(Staff(login: "t2", name: "钱师傅", roles: [.technician]), operator: setup, now: now)
        let t3 = try db.saveStaff(Staff(login: "t3", name: "孙师傅", roles: [.technician]), operator: setup, now: now)
        for i in 0..<8 {
            var owner = Customer(name: "客户\(i)", phones: i % 2 == 0 ? ["1381234560\(i)", "020-8888000\(i)"] : ["1391234560\(i)"],
                                 preferredCallTime: i % 3 == 0 ? "下午3点后" : "")
            owner = try db.saveCustomer(owner, operator: Fixture.reception, now: now)
            let car = try Fixture.vehicle(db, owner: owner, plate: "粤A1234\(i)", model: i % 2 == 0 ? "迈腾" : "凯美瑞")
            var ro = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: now.addingTimeInterval(-Double(8 - i) * 86_400))
            ro.advisorID = i % 4 == 3 ? nil : advisor.id
            ro.contactPhone = i % 3 == 1 ? "" : "1370000000\(i)"
            ro.preferredCallbackTime = i % 2 == 1 ? "上午" : ""
            let jobs = [
                Job(repairOrderID: 0, description: "更换机油\(i)", technicianID: t2.id, status: .done),
                Job(repairOrderID: 0, description: "检查刹车\(i)", technicianID: t1.id, status: i % 2 == 0 ? .declined : .done),
                Job(repairOrderID: 0, description: "四轮定位\(i)", technicianID: i % 3 == 0 ? nil : t3.id, status: .done),
                Job(repairOrderID: 0, description: "洗车\(i)", technicianID: t2.id, status: .done),
            ].prefix(1 + i % 4)
            let order = try db.createRepairOrder(ro, concerns: [Concern(repairOrderID: 0, text: "保养", category: .maintenance)],
                                                 jobs: Array(jobs), operator: Fixture.advisor, now: ro.openedAt,
                                                 timeZone: Fixture.shanghai)
            let due = now.addingTimeInterval(Double(i - 4) * 3_600)
            let callback: Callback = switch i % 5 {
            case 0: Callback(repairOrderID: order.id!, dueAt: due)
            case 1: Callback(repairOrderID: order.id!, dueAt: due, attempts: 1, nextTryAt: now.addingTimeInterval(Double(i) * 600))
            case 2: Callback(repairOrderID: order.id!, dueAt: due, status: .unreachable, attempts: 3,
                             completedAt: now.addingTimeInterval(-Double(i) * 3_600))
            case 3: Callback(repairOrderID: order.id!, dueAt: due.addingTimeInterval(-86_400 * 2))
            default: Callback(repairOrderID: order.id!, dueAt: due, status: .completed, attempts: 1, completedAt: now,
                              satisfaction: 9)
            }
            _ = try db.createCallback(callback, operator: Fixture.advisor, now: now)
        }
        return db
    }

    @Test func theSetBasedRowsAreTheRowsOneByOne() throws {
        let folder = TempFolder()
        let db = try shop(folder)
        for hours in [-30.0, 0, 2, 48] {
            let now = Fixture.morning.addingTimeInterval(hours * 3_600)
            let expected = try db.dbPool.read { db in
                try Persistence.fetchAll(Callback.self, db, where: "status = 'open' ORDER BY due_at, id")
                    .sorted { FollowUpRules.queueOrder($0, $1, now: now) }
                    .compactMap { try Self.referenceRow(db, $0) }
            }
            let queue = try db.callbackQueue(now: now)
            #expect(queue.count == 5)
            #expect(queue == expected)
            let since = now.addingTimeInterval(-14 * 86_400)
            let expectedTasks = try db.dbPool.read { db in
                try Persistence.fetchAll(Callback.self, db,
                                         where: "status = 'unreachable' AND completed_at >= ? ORDER BY completed_at DESC, id",
                                         arguments: [since]).compactMap { try Self.referenceRow(db, $0) }
            }
            #expect(try db.messageOrLetterTasks(now: now) == expectedTasks)
        }
        let all = try db.dbPool.read { db in try Persistence.fetchAll(Callback.self, db, where: "1 ORDER BY id") }
        #expect(all.count == 8)
        for callback in all {
            let expected = try db.dbPool.read { db in try Self.referenceRow(db, callback) }
            #expect(try db.callbackRow(id: callback.id!) == expected)
        }
        #expect(try db.callbackRow(id: 9_999) == nil)
        // The fixture covers what the joins must get right.
        let rows = try all.compactMap { try db.callbackRow(id: $0.id!) }
        #expect(rows.contains { $0.technicians == "钱师傅、孙师傅" })
        #expect(rows.contains { $0.advisorName.isEmpty && $0.advisorID == nil })
        #expect(rows.contains { $0.phone.hasPrefix("138") })
        #expect(rows.contains { $0.preferredCallTime == "下午3点后" })
        #expect(rows.allSatisfy { !$0.workDone.contains("检查刹车2") })
    }
}
