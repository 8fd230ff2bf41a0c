import Foundation
import GRDB
import TestSupport
import Testing
import ServiceDomain
@testable import ServiceStore

/// The hostile corpus through CSV import: in every column, and as whole files. Each file is either
/// refused with a message naming the line and column, or imported as terminal-safe text; the export
/// never hands a spreadsheet a formula.
struct HostileCSVTests {
    private func importFile(_ db: AppDatabase, _ url: URL) -> Result<ImportReport, any Error> {
        Result { try db.importCustomersAndVehicles(from: url, operator: Fixture.advisor, now: Fixture.morning) }
    }

    private func storedTexts(_ db: AppDatabase) throws -> [String] {
        try db.dbPool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM customer UNION ALL SELECT notes FROM customer "
                + "UNION ALL SELECT phone FROM customer_phone UNION ALL SELECT plate FROM vehicle "
                + "UNION ALL SELECT model FROM vehicle UNION ALL SELECT COALESCE(vin, '') FROM vehicle")
        }
        // Notes keep their line breaks and are drawn line by line: each line must be safe.
        .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func everyColumnRefusesOrStoresSafeText() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        var tried = 0
        var refused = 0
        var longMessages: [String] = []
        for (column, _) in CustomerCSV.header.enumerated() {
            for input in HostileCorpus.all {
                tried += 1
                // A valid row with one cell replaced; unique phone and plate so rows do not match each other.
                var row = ["王芳", String(format: "139%08d", tried), "0", "0", String(format: "粤B%05d", tried), "",
                           "凯美瑞", "", "", "", "老客户", "", ""]
                row[column] = input
                let url = folder.file("row.csv")
                try (Data(CSVFormat.byteOrderMark) + Data((CSVFormat.line(CustomerCSV.header) + CSVFormat.line(row)).utf8))
                    .write(to: url)
                switch importFile(db, url) {
                case .success:
                    break
                case .failure(let error as UserFacingError):
                    refused += 1
                    #expect(error.message.en.contains("Line 2") || error.message.en.contains("line 2"),
                            "\(CustomerCSV.header[column]): \(error.message.en.prefix(200))")
                    #expect(HostileCorpus.isTerminalSafe(error.message.zh) && HostileCorpus.isTerminalSafe(error.message.en))
                    if error.message.en.count > 600 { longMessages.append(CustomerCSV.header[column]) }
                case .failure(let error):
                    Issue.record("\(CustomerCSV.header[column]) raised \(error) for \(input.debugDescription.prefix(60))")
                }
            }
        }
        for text in try storedTexts(db) {
            #expect(HostileCorpus.isTerminalSafe(text), "stored: \(text.debugDescription.prefix(80))")
            #expect(text.count <= 500)
        }
        #expect(try db.check().isHealthy)
        #expect(refused > 0 && refused < tried)
        #expect(longMessages.isEmpty, "long messages for columns \(Set(longMessages).sorted())")
        FileHandle.standardError.write(Data("[robustness] hostile CSV: \(HostileCorpus.all.count) inputs × \(CustomerCSV.header.count) columns = \(tried) imports, \(refused) refused with line and column\n".utf8))
    }

    @Test func garbageFilesAreRefusedWhole() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        var unsafeMessages: [String] = []
        for (index, input) in HostileCorpus.all.enumerated() {
            let url = folder.file("garbage-\(index).csv")
            try Data(input.utf8).write(to: url)
            if case .failure(let error) = importFile(db, url) {
                #expect(error is UserFacingError, "\(error)")
                if let error = error as? UserFacingError,
                   !(HostileCorpus.isTerminalSafe(error.message.en) && HostileCorpus.isTerminalSafe(error.message.zh)) {
                    unsafeMessages.append(error.message.en)
                }
            }
        }
        #expect(try db.dbPool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM customer") } == 0)
        #expect(unsafeMessages.isEmpty, "\(unsafeMessages.count) messages carry control characters, e.g. \(unsafeMessages.first.debugDescription.prefix(120))")
    }

    @Test func exportedFormulasAreGuarded() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        for (n, formula) in HostileCorpus.csvFormulas.enumerated() {
            try Fixture.customer(db, "客户", phones: [String(format: "137%08d", n)], notes: formula)
        }
        let url = folder.file("export.csv")
        try db.exportCustomersAndVehicles(to: url)
        let bytes = try Data(contentsOf: url)
        let records = try CSVFormat.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        for record in records.dropFirst() {
            for field in record.fields {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(field.first.map(String.init) ?? ""), "unguarded: \(field)")
            }
        }
    }
}
