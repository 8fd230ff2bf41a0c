import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// `advisor comebacks`: pairs of an imported history with their external numbers, and a batch decision by filter.
@Suite struct ComebackBatchTests {
    /// Two cars, each back with the same problem within its window: candidates in 2024 and in 2025.
    func shop(_ folder: TempFolder) throws -> AppDatabase {
        let db = try Fixture.open(folder)
        let url = folder.file("history.csv")
        try Data(([HistoryImportTests.header] + [
            "C-1,2024-05-01 09:00,2024-05-01 15:00,,closed,粤A11111,,13811111111,甲,凯美瑞,10000,repair,,刹车异响,,,王师傅,100,0",
            "C-2,2024-05-06 09:00,2024-05-06 12:00,,closed,粤A11111,,13811111111,甲,凯美瑞,10300,repair,,刹车还是响,brakes,,,100,0",
            "C-3,2025-05-01 09:00,2025-05-01 15:00,,closed,粤A22222,,13822222222,乙,途观,20000,repair,,空调不制冷,,,,100,0",
            "C-4,2025-05-03 09:00,,,open,粤A22222,,13822222222,乙,途观,20100,repair,,空调又不冷,,,,0,0",
        ]).joined(separator: "\n").utf8).write(to: url)
        let report = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.comebackCandidates == 2)
        return db
    }

    @Test func pairsNameBothOrdersWithTheirExternalNumbers() throws {
        let folder = TempFolder()
        let db = try shop(folder)
        let pairs = try db.comebackPairs(ComebackFilter(status: .candidate))
        #expect(pairs.map { "\($0.earlierExternal ?? "")→\($0.laterExternal ?? "")" } == ["C-1→C-2", "C-3→C-4"])
        #expect(pairs[0].days == 4 && pairs[0].kilometres == 300 && pairs[0].sharedCategories == [.brakes])
        #expect(pairs[1].sharedCategories == [.airConditioning] && pairs.allSatisfy { $0.source == .historyImport })
        let since2025 = try db.comebackPairs(ComebackFilter(status: .candidate, since: Date(timeIntervalSince1970: 1_735_660_800)))
        #expect(since2025.map(\.laterExternal) == ["C-4"])
    }

    @Test func candidatesBeforeADayAreDismissedAsHistoryEachAudited() throws {
        let folder = TempFolder()
        let db = try shop(folder)
        let setup = Operator(staffID: nil, name: "setup")
        let lead = try db.saveStaff(Staff(login: "lead", name: "刘主管", roles: [.workshopLead]), operator: setup,
                                    now: Fixture.morning).asOperator
        let advisor = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: setup,
                                       now: Fixture.morning).asOperator
        let before2025 = ComebackFilter(status: .candidate, before: Date(timeIntervalSince1970: 1_735_660_800))
        #expect(throws: (any Error).self) {
            try db.dismissComebacks(before2025, reason: "history, not reviewed", operator: advisor, now: Fixture.morning)
        }
        let count = try db.dismissComebacks(before2025, reason: "history, not reviewed", operator: lead, now: Fixture.morning)
        #expect(count == 1)
        let dismissed = try db.comebackPairs(ComebackFilter(status: .dismissed))
        #expect(dismissed.map(\.laterExternal) == ["C-2"])
        #expect(try db.comebackPairs(ComebackFilter(status: .candidate)).map(\.laterExternal) == ["C-4"])
        let audit = try db.dbPool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'comeback' AND at = ? ORDER BY id",
                                arguments: [Fixture.morning])
        }
        #expect(audit.suffix(2) == ["update", "comebackBatch"])
    }

    @Test func aBatchConfirmHoldsTheEarlierOrdersTechnicianResponsible() throws {
        let folder = TempFolder()
        let db = try shop(folder)
        let lead = try db.saveStaff(Staff(login: "lead", name: "刘主管", roles: [.workshopLead]),
                                    operator: Operator(staffID: nil, name: "setup"), now: Fixture.morning).asOperator
        let result = try db.confirmComebacks(ComebackFilter(status: .candidate), rootCause: .workmanship, operator: lead,
                                             now: Fixture.morning)
        // C-3 names no technician: left for the lead.
        #expect(result.confirmed == 1 && result.skipped == 1)
        #expect(try db.comebackPairs(ComebackFilter(status: .confirmed)).map(\.earlierExternal) == ["C-1"])
    }
}

/// The streaming reader gives the same records whatever the blocks it is fed.
@Suite struct CSVStreamTests {
    @Test func recordsDoNotDependOnWhereTheBlocksEnd() throws {
        let text = "a,b,c\r\n\"x,\"\"y\"\"\r\nz\",2,3\r\r\n\n4,\"\",\"end\"\"\"\n5,6,7"
        let whole = try CSVFormat.parse(text)
        #expect(whole.count == 4)
        for size in [1, 2, 3, 5, 7] {
            var parser = CSVRecordParser()
            var records: [CSVFormat.Record] = []
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                try parser.feed(bytes[start..<min(start + size, bytes.count)]) { records.append($0) }
            }
            try parser.finish { records.append($0) }
            #expect(records == whole, "block size \(size)")
        }
    }

    @Test func aFileIsReadInSmallBlocksInEitherEncoding() throws {
        let folder = TempFolder()
        let text = "姓名,电话\n" + (1...300).map { "王芳\($0),\"1381234\($0)\n第二行\"" }.joined(separator: "\n") + "\n"
        for encoding in ImportEncoding.allCases {
            let url = folder.file("big-\(encoding.rawValue).csv")
            try #require(CSVDecoding.encode(text, as: encoding)).write(to: url)
            var stream = CSVFileStream(url: url, encoding: nil)
            stream.blockSize = 64
            var records: [CSVFormat.Record] = []
            try stream.forEachRecord { records.append($0) }
            #expect(stream.encoding == encoding)
            #expect(records == (try CSVFormat.parse(text)))
        }
    }

    @Test func anASCIIStartLeavesTheEncodingToTheFirstChineseBlock() throws {
        let folder = TempFolder()
        let text = "name,phones\n" + (1...200).map { "Wang \($0),13812345678" }.joined(separator: "\n") + "\n王芳,13912345678\n"
        let url = folder.file("late.csv")
        try #require(CSVDecoding.encode(text, as: .gb18030)).write(to: url)
        var stream = CSVFileStream(url: url, encoding: nil)
        stream.blockSize = 256
        var records: [CSVFormat.Record] = []
        try stream.forEachRecord { records.append($0) }
        #expect(stream.encoding == .gb18030 && records.last?.fields.first == "王芳")
    }
}
