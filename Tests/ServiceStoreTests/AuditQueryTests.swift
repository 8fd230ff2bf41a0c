import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The audit panel's paged, filtered reads of the trail.
@Suite struct AuditQueryTests {
    private struct Shop {
        let db: AppDatabase
        let wangRO: RepairOrder
        let liRO: RepairOrder
    }

    private static let lina = Operator(staffID: nil, name: "李娜")

    /// Two customers with a car and an RO each; 王芳's RO moves once, by 李娜.
    private func shop(_ folder: TempFolder) throws -> Shop {
        let db = try Fixture.open(folder)
        let wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let li = try Fixture.customer(db, "李强", phones: ["13998765432"])
        let wangCar = try Fixture.vehicle(db, owner: wang, plate: "粤A12345")
        let liCar = try Fixture.vehicle(db, owner: li, plate: "粤B8K2F7")
        let technician = try db.saveStaff(Staff(login: "liudm", name: "刘德明", roles: [.technician]),
                                          operator: Fixture.reception, now: Fixture.morning)
        let brakes = Job(repairOrderID: 0, description: "更换刹车片", technicianID: technician.id, labour: .yuan(200),
                         parts: .yuan(450))
        let wangRO = try db.createRepairOrder(Fixture.repairOrder(customer: wang, vehicle: wangCar), concerns: [], jobs: [brakes],
                                              operator: Fixture.reception, now: Fixture.morning, timeZone: Fixture.shanghai)
        let liRO = try db.createRepairOrder(Fixture.repairOrder(customer: li, vehicle: liCar), concerns: [], jobs: [],
                                            operator: Fixture.reception, now: Fixture.morning, timeZone: Fixture.shanghai)
        _ = try db.recordStageChange(roID: wangRO.id!, from: .checkedIn, to: .dispatched, version: wangRO.version,
                                     note: "派给刘师傅", operator: Self.lina, now: Fixture.morning.addingTimeInterval(600))
        _ = try db.addAdditionalJob(roID: wangRO.id!, description: "更换雨刮片", labour: .yuan(20), parts: .yuan(80),
                                    operator: Fixture.advisor, now: Fixture.morning.addingTimeInterval(900))
        return Shop(db: db, wangRO: wangRO, liRO: liRO)
    }

    @Test func pagesWalkTheWholeTrailNewestFirstWithoutRepeats() throws {
        let folder = TempFolder()
        let shop = try shop(folder)
        let everything = try shop.db.auditPage(filter: AuditQuery(), beforeID: nil, limit: 1000)
        #expect(everything.count >= 7)
        #expect(everything.map(\.entry.id) == everything.map(\.entry.id).sorted(by: >))

        var seen: [Int64] = []
        var before: Int64?
        while true {
            let page = try shop.db.auditPage(filter: AuditQuery(), beforeID: before, limit: 3)
            #expect(page.count <= 3)
            if page.isEmpty { break }
            seen += page.map(\.entry.id)
            before = page.last!.entry.id
        }
        #expect(seen == everything.map(\.entry.id))
    }

    @Test func anRONumberShowsThatROsRowsOnly() throws {
        let folder = TempFolder()
        let shop = try shop(folder)
        let rows = try shop.db.auditPage(filter: AuditQuery(roNumber: shop.wangRO.number.lowercased()), beforeID: nil, limit: 50)
        // The RO's own rows and its job's, all named by the RO number.
        #expect(rows.map(\.entry.entity) == ["job", "repair_order", "repair_order"])
        #expect(rows.map(\.entry.action) == ["insert", "stageChange", "insert"])
        #expect(rows.allSatisfy { $0.subject == shop.wangRO.number })
        #expect(rows[1].entry.detail.contains("dispatched"))
        #expect(rows[1].entry.operatorName == "李娜")
        #expect(try shop.db.auditPage(filter: AuditQuery(roNumber: "RO-19990101-0001"), beforeID: nil, limit: 50).isEmpty)
    }

    @Test func aCustomerFragmentFindsTheirOwnVehicleAndRORows() throws {
        let folder = TempFolder()
        let shop = try shop(folder)
        let byName = try shop.db.auditPage(filter: AuditQuery(customer: "王"), beforeID: nil, limit: 50)
        #expect(Set(byName.map(\.entry.entity)) == ["customer", "vehicle", "repair_order"])
        #expect(!byName.contains { $0.entry.entityID == shop.liRO.id && $0.entry.entity == "repair_order" })
        #expect(byName.contains { $0.subject == "王芳" })
        #expect(byName.contains { $0.subject == "粤A12345" })

        let byPhone = try shop.db.auditPage(filter: AuditQuery(customer: "9876"), beforeID: nil, limit: 50)
        #expect(byPhone.contains { $0.subject == "李强" })
        #expect(!byPhone.contains { $0.subject == "王芳" })
        // LIKE wildcards typed by the user match themselves, not everything.
        #expect(try shop.db.auditPage(filter: AuditQuery(customer: "%"), beforeID: nil, limit: 50).isEmpty)
    }

    @Test func aPersonAndFreeTextNarrowTheTrail() throws {
        let folder = TempFolder()
        let shop = try shop(folder)
        let byLina = try shop.db.auditPage(filter: AuditQuery(person: "李娜"), beforeID: nil, limit: 50)
        #expect(byLina.map(\.entry.action) == ["stageChange"])
        let free = try shop.db.auditPage(filter: AuditQuery(text: "李娜"), beforeID: nil, limit: 50)
        #expect(free.map(\.entry.id) == byLina.map(\.entry.id))
        // Filters combine: 李强's rows made by 李娜 are none.
        #expect(try shop.db.auditPage(filter: AuditQuery(customer: "李强", person: "李娜"), beforeID: nil, limit: 50).isEmpty)
    }

    @Test func aStaffLoginFindsTheirRowsAfterTheirNameChanged() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let staff = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: Fixture.reception,
                                     now: Fixture.morning)
        let customer = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        _ = try Fixture.vehicle(db, owner: customer, plate: "粤A12345")
        // Rows written under an older display name still belong to the login.
        let op = Operator(staffID: staff.id, name: "李娜（旧名）")
        var changed = customer
        changed.notes = "下午联系"
        _ = try db.saveCustomer(changed, operator: op, now: Fixture.morning.addingTimeInterval(60))
        let rows = try db.auditPage(filter: AuditQuery(person: "LINA"), beforeID: nil, limit: 50)
        #expect(rows.map(\.entry.action) == ["update"])
        #expect(rows[0].subject == "王芳")
    }
}
