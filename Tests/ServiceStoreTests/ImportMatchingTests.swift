import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// The import matches rows against stored customers and against rows earlier in the same file, writes
/// changes to stored records with their own audit rows, and inserts what the file creates in bulk,
/// summed up in the import's audit row.
@Suite struct ImportMatchingTests {
    static let vin1 = Fixture.vin("LSVAU2180N2183294")
    static let vin2 = Fixture.vin("LFV2A21K1G3043152")

    func importFile(_ db: AppDatabase, _ folder: TempFolder, _ lines: [String]) throws -> ImportReport {
        let file = folder.file("import.csv")
        try Data(([CSVTests.header] + lines).joined(separator: "\n").utf8).write(to: file)
        return try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
    }

    /// Audit rows written by the import (the fixtures write theirs as reception).
    /// The import's audit rows, without the per-transaction `importBatch` rows (see `ImportBatchTests`).
    func importAudit(_ db: AppDatabase, _ entity: String) throws -> [AuditEntry] {
        try db.auditEntries(entity: entity, entityID: nil)
            .filter { $0.operatorName == Fixture.advisor.name && $0.action != "importBatch" }
    }

    func detail(_ entry: AuditEntry) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(entry.detail.utf8)) as? [String: Any])
    }

    /// Search documents as stored, then as the triggers rebuild them from the tables: they must agree.
    func searchDocumentsAgreeWithARebuild(_ db: AppDatabase) throws {
        let sql = "SELECT rowid, name, phones, plate, vin, customer_id, vehicle_id FROM search_index ORDER BY rowid"
        let stored = try db.dbPool.read { try Row.fetchAll($0, sql: sql) }
        try db.dbPool.write { try $0.execute(sql: "UPDATE customer SET name = name") }
        let rebuilt = try db.dbPool.read { try Row.fetchAll($0, sql: sql) }
        #expect(stored == rebuilt)
        try db.dbPool.write { try $0.execute(sql: "INSERT INTO search_index(search_index) VALUES('integrity-check')") }
    }

    @Test func storedChangesKeepTheirAuditRowsAndCreatedRowsAreSummedUpInTheImportRow() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let camry = try Fixture.vehicle(db, owner: wang, plate: "粤A12345")
        try Fixture.customer(db, "李雷", phones: ["13900001111"])

        let report = try importFile(db, folder, [
            "王芳,13812345678;13911112222,1,0,粤A12345,\(Self.vin1),凯美瑞,,,,",
            "张伟,13600001111,0,0,粤B11111,,卡罗拉,,,,",
            "赵敏,13500002222,0,0,,,,,,,老客户",
            "张伟,13600001111,0,0,粤B22222,,途观,,,,",
        ])
        #expect(report.rows == 4)
        #expect(report.customersCreated == 2 && report.customersMatched == 2)
        #expect(report.vehiclesCreated == 2 && report.vehiclesUpdated == 1)

        // The stored customer and vehicle: one `update` row each, old and new values.
        let customerRows = try importAudit(db, "customer")
        #expect(customerRows.map(\.action) == ["import", "update"])
        #expect(customerRows[1].entityID == wang.id)
        let customerChange = try detail(customerRows[1])
        #expect(Set(customerChange.keys) == ["phones", "is_out_of_warranty_owner"])
        #expect((customerChange["phones"] as? [String: Any])?["new"] as? String == "13812345678;13911112222")
        let vehicleRows = try importAudit(db, "vehicle")
        #expect(vehicleRows.map(\.action) == ["update"])
        #expect(vehicleRows.first?.entityID == camry.id)
        #expect(try detail(vehicleRows[0]).keys.sorted() == ["vin"])

        // The created ones: no row each, the id ranges in the import row.
        let summary = try detail(customerRows[0])
        #expect(summary["rows"] as? Int == 4)
        #expect(summary["customersCreated"] as? Int == 2)
        #expect(summary["customersMatched"] as? Int == 2)
        #expect(summary["vehiclesCreated"] as? Int == 2)
        #expect(summary["vehiclesUpdated"] as? Int == 1)
        #expect(summary["firstCustomerID"] as? Int == 3 && summary["lastCustomerID"] as? Int == 4)
        #expect(summary["firstVehicleID"] as? Int == 2 && summary["lastVehicleID"] as? Int == 3)

        // Ids in file order, as row-by-row inserts would have given them.
        let zhang = try #require(try db.customerCard(customerID: 3))
        #expect(zhang.customer.name == "张伟")
        #expect(zhang.vehicles.map(\.plate) == ["粤B11111", "粤B22222"])
        #expect(zhang.vehicles.map(\.id) == [2, 3])
        #expect(try db.customer(id: 4)?.notes == "老客户")
        #expect(try db.search("张伟").map(\.customerID) == [3])
        #expect(try db.search("赵敏").map(\.customerID) == [4])
        #expect(try db.search("13911112222").map(\.customerID) == [wang.id])
        #expect(try db.check().isHealthy)
        try searchDocumentsAgreeWithARebuild(db)
    }

    @Test func rowsMatchCustomersAndVehiclesCreatedEarlierInTheFile() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let report = try importFile(db, folder, [
            "王芳,13812345678,0,0,粤A12345,,凯美瑞,,,,",
            // Same phone: the customer of line 2, under the name it was created with.
            "王小芳,13812345678;13911112222,0,1,,,,,,,常客",
            // Matched by the phone line 3 added; updates the car line 2 created.
            "王芳,13911112222,1,0,粤A12345,\(Self.vin1),凯美瑞 2.0,2021-03-15,,,",
            // Changes nothing.
            "王芳,13911112222,0,0,粤A12345,,凯美瑞 2.0,,,,另一条备注",
        ])
        #expect(report.customersCreated == 1 && report.customersMatched == 3)
        #expect(report.vehiclesCreated == 1 && report.vehiclesUpdated == 1)
        #expect(report.warnings.map(\.line) == [3])
        let card = try #require(try db.customerCard(customerID: 1))
        #expect(card.customer.name == "王芳")
        #expect(card.customer.phones == ["13812345678", "13911112222"])
        #expect(card.customer.isOutOfWarrantyOwner && card.customer.isUsedCarOwner)
        #expect(card.customer.notes == "常客")
        // Created by this import: inserted once, in its final state.
        #expect(card.customer.version == 0)
        let car = try #require(card.vehicles.first)
        #expect(card.vehicles.count == 1)
        #expect(car.vin == Self.vin1 && car.model == "凯美瑞 2.0" && car.version == 0)
        #expect(car.purchaseDate == CSVTests.day("2021-03-15"))
        #expect(try importAudit(db, "customer").map(\.action) == ["import"])
        #expect(try importAudit(db, "vehicle").isEmpty)
        try searchDocumentsAgreeWithARebuild(db)
    }

    @Test func conflictsWithRowsEarlierInTheFileAreRefusedNamingThem() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        do {
            _ = try importFile(db, folder, [
                "王芳,13812345678,0,0,粤A12345,\(Self.vin1),凯美瑞,,,,",
                "李雷,13900001111,0,0,粤A12345,,卡罗拉,,,,",
                "张伟,13600001111,0,0,粤B11111,\(Self.vin1),途观,,,,",
                "赵敏,13812345678;13900001111,0,0,,,,,,,",
            ])
            Issue.record("the file was accepted")
        } catch let error as ImportError {
            #expect(error.problems.map(\.line) == [3, 4, 5])
            #expect(error.problems.map(\.column) == ["plate", "vin", "phones"])
            let messages = error.problems.map(\.message.en)
            #expect(messages[0].contains("王芳") && messages[0].contains("138****5678"))
            #expect(messages[1].contains("王芳") && messages[1].contains("粤A·12345"))
            #expect(messages[2].contains("王芳（138****5678）") && messages[2].contains("李雷（139****1111）"))
        }
        #expect(try db.customer(id: 1) == nil)
        #expect(try db.auditEntries(entity: "customer", entityID: nil).isEmpty)
        #expect(try db.search("王芳").isEmpty)
    }

    /// 2,050 rows: new customers, a second car for every third of them far down the file (under
    /// another name), and 50 stored customers whose cars get a warranty mileage.
    @Test func aLargeFileWithMatchesMixedIn() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        for n in 0..<50 {
            let stored = try Fixture.customer(db, "老客户", phones: [String(format: "137%08d", n)])
            try Fixture.vehicle(db, owner: stored, plate: String(format: "粤C1%04d", n))
        }
        var lines: [String] = []
        for n in 0..<1_500 {
            lines.append(String(format: "新客户,139%08d,0,0,粤D%05d,,朗逸,2022-05-01,2025-05-01,100000,", n, n))
            if n % 30 == 29 {
                let s = n / 30
                lines.append(String(format: "老客户,137%08d,0,0,粤C1%04d,,凯美瑞,,,80000,", s, s))
            }
        }
        for n in stride(from: 0, to: 1_500, by: 3) {
            lines.append(String(format: "新客户乙,139%08d,0,1,粤E%05d,,途观,,,,", n, n))
        }
        let report = try importFile(db, folder, lines)
        #expect(report.rows == 2_050)
        #expect(report.customersCreated == 1_500 && report.customersMatched == 550)
        #expect(report.vehiclesCreated == 2_000 && report.vehiclesUpdated == 50)
        #expect(report.warnings.count == 500)

        // Customer n of the file got id 51 + n; its cars the ids of their lines' order.
        let first = try #require(try db.customerCard(customerID: 51))
        #expect(first.customer.phones == ["13900000000"] && first.customer.isUsedCarOwner)
        #expect(first.vehicles.map(\.plate) == ["粤D00000", "粤E00000"])
        #expect(first.vehicles.map(\.id) == [51, 1_551])
        let second = try #require(try db.customerCard(customerID: 52))
        #expect(second.vehicles.map(\.plate) == ["粤D00001"] && !second.customer.isUsedCarOwner)
        #expect(try db.vehicle(plate: "粤C10007")?.warrantyEndKm == 80_000)
        #expect(try db.search("粤E01497").map(\.customerID) == [51 + 1_497])
        #expect(try importAudit(db, "vehicle").count == 50)
        #expect(try importAudit(db, "customer").map(\.action) == ["import"])
        #expect(try db.check().isHealthy)
        try searchDocumentsAgreeWithARebuild(db)
    }
}
