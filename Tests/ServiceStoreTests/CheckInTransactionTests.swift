import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// `ServiceDesk.checkIn` is one transaction: a walk-in's customer, car, order and comeback candidate are
/// written together or not at all, and the operator's permission is checked inside it.
struct CheckInTransactionTests {
    private struct Injected: Error {}

    /// The rows a check-in writes, counted table by table (the audit trail included).
    private static func footprint(_ db: AppDatabase) throws -> [String: Int] {
        try db.dbPool.read { tx in
            var counts: [String: Int] = [:]
            for table in ["customer", "customer_phone", "vehicle", "repair_order", "concern", "job", "mileage_reading",
                          "stage_change", "comeback", "ro_sequence", "audit_log"] {
                counts[table] = try Int.fetchOne(tx, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
            }
            return counts
        }
    }

    private struct Shop {
        let db: AppDatabase
        let clerk: Staff
        let advisor: Staff
    }

    private static func shop(_ folder: TempFolder) throws -> Shop {
        let db = try Fixture.open(folder)
        let clerk = try db.saveStaff(Staff(login: "clerk", name: "前台小张", roles: [.reception]),
                                     operator: Fixture.reception, now: Fixture.morning)
        let advisor = try db.saveStaff(Staff(login: "adv", name: "李顾问", roles: [.advisor]),
                                       operator: Fixture.reception, now: Fixture.morning)
        return Shop(db: db, clerk: clerk, advisor: advisor)
    }

    /// A walk-in: a new customer and car, the order booked to `advisorID`.
    private static func walkIn(advisorID: RowID?) -> CheckInDraft {
        let now = Fixture.morning
        let order = RepairOrder(number: "", customerID: 0, vehicleID: 0, advisorID: advisorID, serviceType: .maintenance,
                                repairClass: .level1Maintenance, openedAt: now, promisedAt: now.addingTimeInterval(3 * 3600),
                                mileageIn: 23_000, contactPhone: "13812345678")
        return CheckInDraft(newCustomer: Customer(name: "王新客", phones: ["13812345678"]),
                            newVehicle: Vehicle(ownerID: 0, vin: nil, plate: "粤B12345", model: "卡罗拉"), order: order,
                            odometerReason: "", concern: Concern(repairOrderID: 0, text: "保养", category: .maintenance),
                            jobs: [], arrivedAt: now.addingTimeInterval(-300), valuablesReminded: true, shopName: "店")
    }

    @Test func aWalkInIsSavedWholeWithItsWorkOrderText() throws {
        let folder = TempFolder()
        let shop = try Self.shop(folder)
        let desk = ServiceDesk(db: shop.db, operator: shop.clerk.asOperator)
        let outcome = try desk.checkIn(Self.walkIn(advisorID: shop.advisor.id), now: Fixture.morning, timeZone: Fixture.shanghai)
        guard case .saved(let saved) = outcome else { Issue.record("expected a saved check-in, got \(outcome)"); return }
        #expect(saved.order.checkInSeconds == 300)
        #expect(saved.workOrderText.contains("王新客"))
        #expect(saved.workOrderText.contains("李顾问"))
        let after = try Self.footprint(shop.db)
        #expect(after["customer"] == 1)
        #expect(after["vehicle"] == 1)
        #expect(after["repair_order"] == 1)
        #expect(after["concern"] == 1)
    }

    @Test(arguments: [CheckInStep.customerWritten, .orderWritten, .comebackRecorded])
    func aFailureAtAnyStepLeavesNothingBehind(step: CheckInStep) throws {
        let folder = TempFolder()
        let shop = try Self.shop(folder)
        let before = try Self.footprint(shop.db)
        let desk = ServiceDesk(db: shop.db, operator: shop.clerk.asOperator)
        #expect(throws: Injected.self) {
            try desk.checkIn(Self.walkIn(advisorID: shop.advisor.id), now: Fixture.morning, timeZone: Fixture.shanghai,
                             after: { if $0 == step { throw Injected() } })
        }
        #expect(try Self.footprint(shop.db) == before)
        // And the same check-in goes through afterwards: no half-written customer blocks it as a duplicate.
        let retry = try desk.checkIn(Self.walkIn(advisorID: shop.advisor.id), now: Fixture.morning, timeZone: Fixture.shanghai)
        guard case .saved(let saved) = retry else { Issue.record("expected the retry to save, got \(retry)"); return }
        #expect(saved.order.number.hasSuffix("0001"), "the refused attempt must not have used up a number")
    }

    @Test func aRefusedOrderStepUndoesTheNewCustomerAndCar() throws {
        let folder = TempFolder()
        let shop = try Self.shop(folder)
        var gone = shop.advisor
        gone.isActive = false
        _ = try shop.db.saveStaff(gone, operator: Fixture.reception, now: Fixture.morning)
        let before = try Self.footprint(shop.db)
        // The customer and car are written first; the order is then refused (its advisor has left).
        let desk = ServiceDesk(db: shop.db, operator: shop.clerk.asOperator)
        #expect(throws: (any Error).self) {
            try desk.checkIn(Self.walkIn(advisorID: gone.id), now: Fixture.morning, timeZone: Fixture.shanghai)
        }
        #expect(try Self.footprint(shop.db) == before)
        #expect(try shop.db.duplicates(phone: "13812345678", plate: "粤B12345", vin: "").isEmpty)
    }

    @Test func anOperatorWithoutThePermissionIsRefusedInsideTheStore() throws {
        let folder = TempFolder()
        let shop = try Self.shop(folder)
        let technician = try shop.db.saveStaff(Staff(login: "tech", name: "技师", roles: [.technician]),
                                               operator: Fixture.reception, now: Fixture.morning)
        let before = try Self.footprint(shop.db)
        let desk = ServiceDesk(db: shop.db, operator: technician.asOperator)
        #expect(throws: PermissionError.self) {
            try desk.checkIn(Self.walkIn(advisorID: shop.advisor.id), now: Fixture.morning, timeZone: Fixture.shanghai)
        }
        #expect(throws: PermissionError.self) {
            try desk.moveStage(roID: 1, from: .checkedIn, to: .dispatched, version: 0, note: "", now: Fixture.morning)
        }
        #expect(try Self.footprint(shop.db) == before)
    }

    @Test func aDuplicateWalkInWritesNothingAndNamesTheRecordOnFile() throws {
        let folder = TempFolder()
        let shop = try Self.shop(folder)
        let known = try Fixture.customer(shop.db, "老客户", phones: ["13812345678"])
        let before = try Self.footprint(shop.db)
        let desk = ServiceDesk(db: shop.db, operator: shop.clerk.asOperator)
        let outcome = try desk.checkIn(Self.walkIn(advisorID: shop.advisor.id), now: Fixture.morning, timeZone: Fixture.shanghai)
        guard case .duplicates(let matches) = outcome else { Issue.record("expected duplicates, got \(outcome)"); return }
        #expect(matches.contains { $0.customerID == known.id })
        #expect(try Self.footprint(shop.db) == before)
    }
}
