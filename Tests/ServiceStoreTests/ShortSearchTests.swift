import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// One- and two-character searches read the short-piece index; these tests hold it to the plain
/// definition (a substring of the name or of a plate, ranked whole name, name start, elsewhere) through
/// every kind of change, including rows written by other tools and files from before the index.
@Suite struct ShortSearchTests {
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"]
    static let givenNames = ["芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "王", "芳芳", "小龙", "Li", "Anna"]
    static let provinces = ["粤A", "粤B", "京A", "沪C", "浙A"]

    /// Customers 0…`count`-1 with deterministic names and 0–2 plates each.
    static func populate(_ db: AppDatabase, count: Int) throws -> [Customer] {
        var customers: [Customer] = []
        for i in 0..<count {
            let name = i % 11 == 0 ? surnames[i % surnames.count]
                + givenNames[i % 7] : surnames[i % surnames.count] + givenNames[(i * 7) % givenNames.count]
            let customer = try Fixture.customer(db, name, phones: [String(format: "139%08d", i)])
            for car in 0..<(i % 3) {
                let plate = provinces[(i + car) % provinces.count] + String(format: "%05d", (i * 37 + car * 11) % 100_000)
                try Fixture.vehicle(db, owner: customer, plate: plate)
            }
            customers.append(customer)
        }
        return customers
    }

    /// The definition, computed from the tables directly: the expected customer ids in result order.
    static func reference(_ db: AppDatabase, _ typed: String, limit: Int) throws -> [RowID] {
        let gram = ShortSearchSchema.lowered(typed)
        let rows = try db.dbPool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, group_concat(v.plate, ' ') AS plates
                FROM customer c LEFT JOIN vehicle v ON v.owner_id = c.id GROUP BY c.id
                """)
        }
        let matches: [(id: RowID, rank: Int, name: String)] = rows.compactMap { row in
            let name: String = row["name"]
            let lowName = ShortSearchSchema.lowered(name)
            let plates = ShortSearchSchema.lowered(row["plates"] as String? ?? "")
            let rank: Int
            if lowName == gram { rank = 1 } else if lowName.hasPrefix(gram) { rank = 2 }
            else if lowName.contains(gram) || plates.contains(gram) { rank = 3 } else { return nil }
            return (row["id"], rank, name)
        }
        return matches.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.name != b.name { return Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8)) }
            return a.id < b.id
        }.prefix(limit).map(\.id)
    }

    static let probes = ["王", "芳", "王芳", "芳芳", "李", "小龙", "龙", "l", "LI", "an", "粤", "A0", "a1", "7", "37", "京a", "沪", "Z"]

    static func expectAgreement(_ db: AppDatabase, limit: Int = 20, sourceLocation: SourceLocation = #_sourceLocation)
        throws {
        for probe in probes {
            let found = try db.search(probe, limit: limit).map(\.customerID)
            #expect(found == (try reference(db, probe, limit: limit)), "searching \(probe)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func shortSearchesAgreeWithTheDefinition() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Self.populate(db, count: 120)
        try Self.expectAgreement(db)
        try Self.expectAgreement(db, limit: 200)
        #expect(try db.check().isHealthy)
    }

    @Test func theIndexFollowsRenamesTransfersAndPlateChanges() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let customers = try Self.populate(db, count: 60)
        var renamed = customers[4]
        renamed.name = "欧阳小龙"
        try db.saveCustomer(renamed, operator: Fixture.reception, now: Fixture.morning)
        // A car changes hands, and another gets a new plate.
        let plates = try db.dbPool.read { try String.fetchAll($0, sql: "SELECT plate FROM vehicle ORDER BY id") }
        var sold = try #require(try db.vehicle(plate: plates[0]))
        #expect(sold.ownerID != customers[10].id!)
        sold.ownerID = customers[10].id!
        try db.saveVehicle(sold, operator: Fixture.reception, now: Fixture.morning)
        var replated = try #require(try db.vehicle(plate: plates[1]))
        replated.plate = "京A77777"
        try db.saveVehicle(replated, operator: Fixture.reception, now: Fixture.morning)
        try Self.expectAgreement(db)
        #expect(try db.search("欧阳").map(\.customerID) == [renamed.id!])
        #expect(try db.search("77").map(\.customerID).contains(replated.ownerID))
        #expect(try db.check().isHealthy)
    }

    @Test func rowsWrittenByAnotherToolAreIndexedToo() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Self.populate(db, count: 30)
        // As the sqlite3 shell would: plain SQL, no application code.
        try db.dbPool.write { conn in
            try conn.execute(sql: "INSERT INTO customer (name) VALUES ('司马光')")
            let id = conn.lastInsertedRowID
            try conn.execute(sql: "INSERT INTO vehicle (owner_id, plate, model) VALUES (?, '豫A88888', '帕萨特')",
                             arguments: [id])
            #expect(try Int.fetchOne(conn, sql: "SELECT COUNT(*) FROM vehicle WHERE id = 1") == 1)
            try conn.execute(sql: "DELETE FROM vehicle WHERE id = 1")
            try conn.execute(sql: "UPDATE customer SET name = '王五' WHERE id = 3")
        }
        #expect(try db.search("司马").first?.name == "司马光")
        #expect(try db.search("豫").first?.name == "司马光")
        try Self.expectAgreement(db)
        #expect(try db.check().isHealthy)
    }

    @Test func aFileFromBeforeTheIndexIsFilledWhenOpened() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: (folder.dbPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: folder.dbPath)
        try Schema.migrator.migrate(queue, upTo: "trust-1-audit-operator-index")
        try queue.write { conn in
            try conn.execute(sql: "INSERT INTO customer (name) VALUES ('王芳')")
            try conn.execute(sql: "INSERT INTO vehicle (owner_id, plate, model) VALUES (1, '粤A12345', '凯美瑞')")
        }
        try queue.close()
        let db = try Fixture.open(folder)
        #expect(try db.search("芳").map(\.name) == ["王芳"])
        #expect(try db.search("A1").map(\.name) == ["王芳"])
        #expect(try db.check().isHealthy)
    }

    /// Saves write every column; the indexes are rebuilt only when what they hold changed.
    @Test func anEditThatChangesNothingSearchableRebuildsNothing() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Self.populate(db, count: 10)
        let counts = try db.dbPool.write { conn in
            try ["UPDATE customer SET name = name, notes = '老客户' WHERE id = 3",
                 "UPDATE vehicle SET owner_id = owner_id, plate = plate, vin = vin, model = '迈腾' WHERE id = 1",
                 "UPDATE customer SET name = '王五' WHERE id = 3"].map { sql in
                let before = conn.totalChangesCount
                try conn.execute(sql: sql)
                return conn.totalChangesCount - before
            }
        }
        #expect(counts[0] == 1 && counts[1] == 1)
        #expect(counts[2] > 1)
        try Self.expectAgreement(db)
        #expect(try db.check().isHealthy)
    }

    @Test func aDriftedIndexIsReportedByTheCheck() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Self.populate(db, count: 5)
        try db.dbPool.write { try $0.execute(sql: "DELETE FROM search_short WHERE customer_id = 2") }
        let report = try db.check()
        #expect(!report.isHealthy)
        #expect(report.problems.contains { $0.contains("short search index: 1 customers missing") })
    }
}

/// A fragment most of the shop shares ("138", the start of most mobile numbers) ranks only the first
/// matching documents, so its cost does not grow with the shop; exact numbers are never cut off.
@Suite struct CommonFragmentSearchTests {
    @Test func chineseTextIsNeverCutOffSoAnExactNameStaysFirst() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        #expect(SearchQuery("王小明").scanLimit(50) == -1 && SearchQuery("粤A1").scanLimit(50) > 0)
        // 1,300 names containing 王小明, then 王小明 himself, stored last.
        let batch = (0..<1_300).map { i in
            BulkCustomer(customer: Customer(name: "王小明" + String(UnicodeScalar(0x4E00 + (i * 7919) % 20_000)!),
                                            phones: [String(format: "139%08d", i)]), vehicles: [])
        } + [BulkCustomer(customer: Customer(name: "王小明", phones: ["13700000000"]), vehicles: [])]
        _ = try db.bulkLoadCustomers(batch, operator: Fixture.reception, now: Fixture.morning)
        #expect(try db.search("王小明", limit: 50).first?.phones == ["13700000000"])
    }

    @Test func twoCharactersWithACombiningMarkGoToTheTrigramIndex() throws {
        // "é" typed as e + U+0301 is one character and two code points.
        let q = SearchQuery("Re\u{301}")
        #expect(q.text.count == 2 && q.fullTextTerms == ["Re\u{301}"] && q.shortGrams.isEmpty)
    }

    @Test func aCommonFragmentFillsThePageAndAnExactNumberIsStillFirst() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let count = SearchQuery("138").scanLimit(50) + 300
        let batch = (0..<count).map { i in
            BulkCustomer(customer: Customer(name: "客户" + String(UnicodeScalar(0x4E00 + (i * 7919) % 20_000)!),
                                            phones: [String(format: "138%08d", i)]),
                         vehicles: [])
        }
        _ = try db.bulkLoadCustomers(batch, operator: Fixture.reception, now: Fixture.morning)
        let page = try db.search("138", limit: 50)
        #expect(page.count == 50)
        #expect(page.map(\.name) == page.map(\.name).sorted())
        // The last customer stored is past the ranked documents for "138" but found by their number.
        let last = String(format: "138%08d", count - 1)
        #expect(try db.search(last).first?.phones == [last])
        #expect(try db.search(String(last.suffix(6))).first?.phones == [last])
    }
}

@Suite struct UpgradeNoticeTests {
    /// An existing file missing migrations is announced before the upgrade; a current or a new one is not.
    @Test func onlyAnOlderFileIsAnnounced() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: (folder.dbPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        final class Calls: @unchecked Sendable { var count = 0 }
        let calls = Calls()
        try AppDatabase.open(path: folder.dbPath, willUpgrade: { calls.count += 1 }).close()
        #expect(calls.count == 0)  // new file
        try AppDatabase.open(path: folder.dbPath, willUpgrade: { calls.count += 1 }).close()
        #expect(calls.count == 0)  // current file
        let older = folder.file("older.db").path
        let queue = try DatabaseQueue(path: older)
        try Schema.migrator.migrate(queue, upTo: "trust-1-audit-operator-index")
        try queue.close()
        try AppDatabase.open(path: older, willUpgrade: { calls.count += 1 }).close()
        #expect(calls.count == 1)
    }
}
