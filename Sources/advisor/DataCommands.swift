import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore
import ShopFixtures

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo shop: about 300 customers, a day of appointments, cars at every stage, callbacks due.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Seed for the generated data (the same seed gives the same shop).")
    var seed: UInt64 = 2026

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        guard try db.isEmpty() else {
            throw CLIError(Message(zh: "数据库 \(database.path) 已有数据；演示数据只写入空数据库。请换一个 --db 路径。",
                                   en: "\(database.path) already holds data; the demo shop only goes into an empty database. Choose another --db path."))
        }
        let summary = try DemoShop.populate(db, now: Date(), timeZone: ShopClock.timeZone(db), seed: seed,
                                            operatorLogin: OperatorIdentity.login)
        print(summary.description(CLILanguage.current))
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database's integrity and foreign keys; the exit code says the result (0 ok, 1 problems).")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openReadOnly()
        defer { try? db.close() }
        let report = try db.check()
        for warning in SharedSetup.permissionWarnings(database: db.path) {
            print(warning.text(CLILanguage.current))
        }
        if report.isHealthy {
            print(CLILanguage.current == .zhHans ? "数据库完好：\(database.path)" : "Database OK: \(database.path)")
        } else {
            for problem in report.problems { print(problem) }
            throw ExitCode(1)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export customers and vehicles as CSV (UTF-8 with BOM, opens correctly in Excel).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The CSV file to write.")
    var file: String

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        do {
            let me = try OperatorIdentity.require(in: db, now: Date())
            try db.exportCustomersAndVehicles(to: URL(fileURLWithPath: file), operator: me.asOperator, now: Date())
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
        print(CLILanguage.current == .zhHans ? "已导出到 \(file)" : "Exported to \(file)")
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers and vehicles from CSV. One bad row imports nothing and names the line and field.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The CSV file to read (the format `advisor export` writes; Chinese column names accepted).")
    var file: String

    @Option(help: "The file's text encoding: utf-8 or gb18030 (default: UTF-8 when the bytes are UTF-8, else GB18030, as Excel on Chinese Windows saves \"CSV\").")
    var encoding: ImportEncoding?

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        do {
            // Entering customers is reception work; the import is audited under the person who ran it.
            let me = try OperatorIdentity.require(in: db, now: Date())
            try OperatorIdentity.require(.checkIn, me)
            let report: ImportReport
            do {
                report = try db.importCustomersAndVehicles(from: URL(fileURLWithPath: file), operator: me.asOperator,
                                                           now: Date(), encoding: encoding)
            } catch let error as ImportError {
                throw CLIError(ImportProblemsReport.message(error, input: URL(fileURLWithPath: file), dbPath: db.path))
            }
            print(CLILanguage.current == .zhHans
                ? "已导入 \(report.rows) 行：新客户 \(report.customersCreated)，匹配已有客户 \(report.customersMatched)，新车辆 \(report.vehiclesCreated)，更新车辆 \(report.vehiclesUpdated)，里程记录 \(report.readingsAdded)"
                : "Imported \(report.rows) rows: \(report.customersCreated) new customers, \(report.customersMatched) matched, \(report.vehiclesCreated) new vehicles, \(report.vehiclesUpdated) updated, \(report.readingsAdded) odometer readings")
            if report.odometersReplaced > 0 {
                print(CLILanguage.current == .zhHans
                    ? "其中 \(report.odometersReplaced) 条为更换里程表后的读数（原因已记录）"
                    : "\(report.odometersReplaced) of them after a replaced odometer (reason recorded)")
            }
            for warning in report.warnings { print(warning.message.text(CLILanguage.current)) }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

extension ImportEncoding: ExpressibleByArgument {}

/// A refused import on the terminal: the first problems, and every one of them in a CSV beside the file.
enum ImportProblemsReport {
    static let shownOnScreen = 20

    static func message(_ error: ImportError, input: URL, dbPath: String) -> Message {
        let problems = error.problems
        let shown = problems.prefix(shownOnScreen).map(\.message)
        let zhLines = shown.map(\.zh).joined(separator: "\n")
        let enLines = shown.map(\.en).joined(separator: "\n")
        let nothing = Message(zh: "未导入任何数据，请改正后重新导入。", en: "Nothing was imported; correct the file and import it again.")
        // One problem about the file as a whole (empty, wrong encoding) needs no list.
        guard problems.count > 1 || problems.first.map({ $0.line > 0 }) == true else {
            return Message(zh: "\(zhLines)\n\(nothing.zh)", en: "\(enLines)\n\(nothing.en)")
        }
        let dbFolder = URL(fileURLWithPath: dbPath).deletingLastPathComponent()
        let language = CLILanguage.current
        let more = problems.count - shown.count
        let zhMore = more > 0 ? "……另有 \(more) 处问题未显示。\n" : ""
        let enMore = more > 0 ? "… and \(more) more not shown.\n" : ""
        do {
            let written = try ImportProblemsFile.write(problems, input: input, fallbackFolder: dbFolder, language: language)
            let note = written.note.map { ($0.zh + "。\n", $0.en + ".\n") } ?? ("", "")
            return Message(
                zh: "\(zhLines)\n\(zhMore)共 \(problems.count) 处问题，全部列在 \(written.url.path)\n\(note.0)\(nothing.zh)",
                en: "\(enLines)\n\(enMore)\(problems.count) problem\(problems.count == 1 ? "" : "s") in all, every one listed in "
                    + "\(written.url.path)\n\(note.1)\(nothing.en)")
        } catch {
            return Message(
                zh: "\(zhLines)\n\(zhMore)共 \(problems.count) 处问题；问题清单无法写入（\(input.path) 旁、数据库文件夹和临时文件夹都不可写）。\n\(nothing.zh)",
                en: "\(enLines)\n\(enMore)\(problems.count) problems in all; the list could not be written (beside \(input.path), "
                    + "in the database folder or the temporary folder).\n\(nothing.en)")
        }
    }
}

/// The shop's time zone: the `shop.timezone` setting, else the system's.
enum ShopClock {
    static func timeZone(_ db: AppDatabase) -> TimeZone {
        if let id = try? db.setting(key: "shop.timezone"), let zone = TimeZone(identifier: id) { return zone }
        return TimeZone.current
    }
}
