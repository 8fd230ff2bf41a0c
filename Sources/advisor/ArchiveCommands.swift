import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

/// `advisor archive export`: the repair records of settled orders for the health-archive upload client.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "The electronic repair records (汽车维修电子健康档案) of settled orders.",
        subcommands: [ArchiveExportCommand.self])
}

struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the repair records settled in a period to FILE for the upload client (manager).",
        discussion: """
        CSV (UTF-8 with BOM) by default, JSON lines with --format jsonl. Each exported record is marked with
        the time; --pending leaves out records already exported (a corrected settlement is pending again).
        A record lacking a required field (a car without VIN, no mileage, no QC where the class needs it) is
        named and not exported; the command then ends non-zero after writing the others.
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "First settlement day, yyyy-MM-dd (shop time); default 2000-01-01.") var since: String?
    @Option(help: "Last settlement day, yyyy-MM-dd, included.") var until: String?
    @Option(help: "csv or jsonl.") var format: String = "csv"
    @Flag(help: "Only records not exported yet.") var pending = false
    @Argument(help: "The file to write.") var file: String

    func validate() throws {
        if ArchiveFile.Format(rawValue: format) == nil { throw ValidationError("--format takes csv or jsonl") }
    }

    private func day(_ text: String, zone: TimeZone) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.day, from: date) == parts[2] else {
            throw CLIError(Message(zh: "日期“\(FreeText.sanitize(text))”应写成 yyyy-MM-dd，例如 2026-12-01",
                                   en: "The date \"\(FreeText.sanitize(text))\" must be yyyy-MM-dd, e.g. 2026-12-01"))
        }
        return date
    }

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        let me = try OperatorIdentity.require(in: db, now: Date())
        do {
            let start = try day(since ?? "2000-01-01", zone: db.timeZone)
            let end = try until.map { try day($0, zone: db.timeZone).addingTimeInterval(86_400) }
            let candidates = try db.archiveCandidates(since: start, until: end, pendingOnly: pending, operator: me.asOperator)
            let ready = candidates.filter { $0.missing.isEmpty }
            let text = try ArchiveFile.text(ready.map(\.record), format: ArchiveFile.Format(rawValue: format)!)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw CLIError(Message(zh: "无法写入 \(file)：\(error.localizedDescription)",
                                       en: "Cannot write \(file): \(error.localizedDescription)"))
            }
            try db.markArchiveExported(settlementIDs: ready.map(\.settlementID), fileName: URL(fileURLWithPath: file).lastPathComponent,
                                       operator: me.asOperator, now: Date())
            print(Message(zh: "已导出 \(ready.count) 条维修记录到 \(file)", en: "Exported \(ready.count) repair record(s) to \(file)")
                .text(CLILanguage.current))
            let refused = candidates.filter { !$0.missing.isEmpty }
            if !refused.isEmpty {
                let zh = refused.map { "\($0.roNumber)（\($0.record.settlementNumber)）缺少：\($0.missing.map(\.zh).joined(separator: "、"))" }
                let en = refused.map { "\($0.roNumber) (\($0.record.settlementNumber)) lacks: \($0.missing.map(\.en).joined(separator: ", "))" }
                throw CLIError(Message(zh: "\(refused.count) 条记录未导出，请补齐后用 --pending 再导出：\n" + zh.joined(separator: "\n"),
                                       en: "\(refused.count) record(s) not exported; fill them in and export again with --pending:\n"
                                           + en.joined(separator: "\n")))
            }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}
