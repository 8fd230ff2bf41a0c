import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore

/// A long import is written in short transactions, and stays all or nothing for the user.
struct ImportBatchTests {
    func lines(_ count: Int, plates: String = "C") -> [String] {
        (0..<count).map { i in "赵云,139\(String(format: "%08d", i)),0,0,粤\(plates)\(String(format: "%05d", i)),,朗逸,,,," }
    }

    func csv(_ folder: TempFolder, _ lines: [String]) throws -> URL {
        let file = folder.file("import.csv")
        try Data(([CSVTests.header] + lines).joined(separator: "\n").utf8).write(to: file)
        return file
    }

    @Test func aLongImportIsWrittenInShortAuditedTransactions() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let rows = AppDatabase.importBatchRows * 3 + 17
        let report = try db.importCustomersAndVehicles(from: try csv(folder, lines(rows)), operator: Fixture.advisor,
                                                       now: Fixture.morning)
        #expect(report.customersCreated == rows && report.vehiclesCreated == rows)
        let batches = try db.auditEntries(entity: "customer", entityID: nil).filter { $0.action == "importBatch" }
        #expect(batches.count == 4)
        var covered = 0
        for entry in batches {
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(entry.detail.utf8)) as? [String: Any])
            let count = try #require(detail["customers"] as? Int)
            #expect(count <= AppDatabase.importBatchRows)
            covered += count
        }
        #expect(covered == rows)
        #expect(try db.check().isHealthy)
    }

    @Test func aBatchThatFailsTakesBackEverythingTheImportWrote() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let rows = AppDatabase.importBatchRows * 2 + 5
        let file = try csv(folder, ["王芳,13812345678;13911112222,1,0,,,,,,,"] + lines(rows))
        let parsed = try CustomerCSVReader(today: CalendarDate(Fixture.morning, in: Fixture.shanghai)).read(Data(contentsOf: file))
        let plan = try db.dbPool.read { try db.planImport(parsed, db: $0, operator: Fixture.advisor, now: Fixture.morning) }

        // While the import was being worked out, a terminal registered a car the file's last batch also has.
        let other = try Fixture.customer(db, "李雷", phones: ["13900001111"])
        try Fixture.vehicle(db, owner: other, plate: "粤C\(String(format: "%05d", rows - 2))")
        do {
            try db.applyImport(plan, operator: Fixture.advisor, now: Fixture.morning, summary: [:])
            Issue.record("the import must stop at the batch that collides")
        } catch let error as ImportUndone {
            #expect(error.message.en.contains("nothing of the file was kept"))
            #expect(error.message.en.contains("another terminal has just registered"), "\(error.message.en)")
            #expect(error.kept == 0)
            #expect(!error.message.zh.isEmpty)
        }
        // Nothing of the file is left: no new customer, the matched one set back, the terminal's car intact.
        let names = try db.dbPool.read { try String.fetchAll($0, sql: "SELECT name FROM customer ORDER BY id") }
        #expect(names == ["王芳", "李雷"])
        let card = try #require(try db.customerCard(customerID: wang.id!))
        #expect(card.customer.phones == ["13812345678"] && !card.customer.isOutOfWarrantyOwner)
        #expect(try db.vehicle(plate: "粤C\(String(format: "%05d", rows - 2))")?.ownerID == other.id)
        #expect(try db.search("赵云").isEmpty)
        #expect(try db.check().isHealthy)
        // The ids the import had reserved are not handed out again.
        let next = try Fixture.customer(db, "韩梅梅", phones: ["13700001111"])
        #expect(next.id! > other.id! + Int64(rows))
        #expect(try db.auditEntries(entity: "customer", entityID: nil).contains { $0.action == "importUndone" })
    }
}
