import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

struct ImportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-history",
        abstract: "Import the repair-order history of the shop's old system from CSV (one row per order; see the README).",
        discussion: """
        All rows or none: any bad row imports nothing, the first 20 problems are printed and every one is written to
        FILE.errors.csv beside the file. Orders already imported (the same ro_number) are left as they are, so a
        later export of the old system adds only its new orders. Afterwards the comeback rules run over the imported visits.
        """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The orders file (CSV, English or Chinese column names).")
    var file: String

    @Option(help: "An optional file of work lines (ro_number, kind labour/part, description, hours, part_number, quantity, amount).")
    var lines: String?

    @Option(help: "The files' text encoding: utf-8 or gb18030 (default: detected, as for `advisor import`).")
    var encoding: ImportEncoding?

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        let zh = CLILanguage.current == .zhHans
        do {
            let me = try OperatorIdentity.require(in: db, now: Date())
            try OperatorIdentity.require(.checkIn, me)
            let report: HistoryImportReport
            do {
                report = try db.importHistory(from: URL(fileURLWithPath: file), lines: lines.map { URL(fileURLWithPath: $0) },
                                              operator: me.asOperator, now: Date(), encoding: encoding)
            } catch let error as ImportError {
                // Problems of the lines file carry its lines; the list goes beside the orders file either way.
                throw CLIError(ImportProblemsReport.message(error, input: URL(fileURLWithPath: file), dbPath: db.path))
            }
            print(zh
                ? "已读 \(report.rows) 张工单：新导入 \(report.ordersCreated)（其中未完工 \(report.openOrders)），已导入过 \(report.ordersAlreadyImported)；新客户 \(report.customersCreated)，新车辆 \(report.vehiclesCreated)，新建（停用）员工 \(report.staffCreated)，工单明细 \(report.linesAdded)，回访 \(report.callbacksCreated)，疑似返修 \(report.comebackCandidates)"
                : "Read \(report.rows) orders: \(report.ordersCreated) imported (\(report.openOrders) open), \(report.ordersAlreadyImported) already imported; \(report.customersCreated) new customers, \(report.vehiclesCreated) new vehicles, \(report.staffCreated) staff created inactive, \(report.linesAdded) work lines, \(report.callbacksCreated) follow-up calls, \(report.comebackCandidates) comeback candidates")
            if report.suspectReadings > 0 {
                print(zh ? "\(report.suspectReadings) 条里程读数倒退，已标记为可疑：" : "\(report.suspectReadings) mileage readings go backwards, marked suspect:")
            }
            for warning in report.warnings.prefix(ImportProblemsReport.shownOnScreen) {
                print(warning.message.text(CLILanguage.current))
            }
            if report.warnings.count > ImportProblemsReport.shownOnScreen {
                print(zh ? "……另有 \(report.warnings.count - ImportProblemsReport.shownOnScreen) 条未显示"
                         : "… and \(report.warnings.count - ImportProblemsReport.shownOnScreen) more")
            }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

extension ComebackStatus: ExpressibleByArgument {}
extension RootCause: ExpressibleByArgument {}

struct ComebacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comebacks",
        abstract: "List comeback pairs, or confirm or dismiss candidates in a batch by filter.",
        subcommands: [ComebacksListCommand.self, ComebacksDismissCommand.self, ComebacksConfirmCommand.self],
        defaultSubcommand: ComebacksListCommand.self)
}

/// `--since` / `--before`: shop days (`yyyy-MM-dd`), the later visit opened on or after / before that day.
struct ComebackFilterOptions: ParsableArguments {
    @Option(help: "Only pairs whose later visit opened on or after this day (yyyy-MM-dd, shop time).")
    var since: String?

    @Option(help: "Only pairs whose later visit opened before this day (yyyy-MM-dd, shop time).")
    var before: String?

    func filter(_ status: ComebackStatus, zone: TimeZone) throws -> ComebackFilter {
        func day(_ text: String?, _ option: String) throws -> Date? {
            guard let text else { return nil }
            guard let date = CalendarDate(typed: text) else {
                throw CLIError(Message(zh: "--\(option)：日期应写成 年-月-日，例如 2025-01-01",
                                       en: "--\(option): write the day as yyyy-MM-dd, e.g. 2025-01-01"))
            }
            return date.start(in: zone)
        }
        return ComebackFilter(status: status, since: try day(since, "since"), before: try day(before, "before"))
    }
}

struct ComebacksListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Pairs: earlier order, later order (numbers and external numbers), plate, days and km between, shared categories, repair class, status.")

    enum Format: String, ExpressibleByArgument { case csv, text }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "candidate, confirmed or dismissed.") var status: ComebackStatus = .candidate
    @OptionGroup var range: ComebackFilterOptions
    @Option(help: "csv or text.") var format: Format = .text

    func run() throws {
        let db = try database.openReadOnly()
        defer { try? db.close() }
        do {
            let pairs = try db.comebackPairs(try range.filter(status, zone: ShopClock.timeZone(db)))
            let language = CLILanguage.current
            if format == .csv {
                print(ComebackPairText.csvHeader, terminator: "")
                for pair in pairs { print(ComebackPairText.csv(pair), terminator: "") }
            } else {
                for pair in pairs { print(ComebackPairText.text(pair, language: language)) }
                print(language == .zhHans ? "共 \(pairs.count) 对" : "\(pairs.count) pair\(pairs.count == 1 ? "" : "s")")
            }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

struct ComebacksDismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Dismiss every candidate of the filter with one reason (workshop lead or above; each one audited).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var range: ComebackFilterOptions
    @Option(help: "Why, e.g. \"history, not reviewed\".") var reason: String

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        do {
            let me = try OperatorIdentity.require(in: db, now: Date())
            let count = try db.dismissComebacks(try range.filter(.candidate, zone: ShopClock.timeZone(db)), reason: reason,
                                                operator: me.asOperator, now: Date())
            print(CLILanguage.current == .zhHans ? "已排除 \(count) 条疑似返修" : "Dismissed \(count) candidates")
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

struct ComebacksConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm every candidate of the filter with one root cause, the earlier order's technician held responsible.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var range: ComebackFilterOptions
    @Option(name: .customLong("root-cause"), help: "misdiagnosis, workmanship, partFailure, partNotAvailable, differentConcern or customerUse.")
    var rootCause: RootCause

    func run() throws {
        let db = try database.open()
        defer { try? db.close() }
        do {
            let me = try OperatorIdentity.require(in: db, now: Date())
            let result = try db.confirmComebacks(try range.filter(.candidate, zone: ShopClock.timeZone(db)),
                                                 rootCause: rootCause, operator: me.asOperator, now: Date())
            print(CLILanguage.current == .zhHans
                ? "已确认 \(result.confirmed) 条；\(result.skipped) 条因前一工单没有技师而未处理"
                : "Confirmed \(result.confirmed); \(result.skipped) left as candidates (the earlier order names no technician)")
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

/// How `advisor comebacks` writes a pair.
enum ComebackPairText {
    static let csvHeader = CSVLine.make(["earlier_number", "earlier_external", "later_number", "later_external", "plate",
                                         "days", "km", "shared_categories", "repair_class", "status"])

    static func csv(_ p: ComebackPair) -> String {
        CSVLine.make([p.earlierNumber, p.earlierExternal ?? "", p.laterNumber ?? "", p.laterExternal ?? "", p.plate,
                      p.days.map(String.init) ?? "", p.kilometres.map(String.init) ?? "",
                      p.sharedCategories.map(\.rawValue).joined(separator: ";"), p.repairClass.rawValue, p.status.rawValue])
    }

    static func text(_ p: ComebackPair, language: Language) -> String {
        func number(_ n: String?, _ external: String?) -> String {
            guard let n else { return "-" }
            return external.map { "\(n) (\(FreeText.sanitize($0)))" } ?? n
        }
        let zh = language == .zhHans
        let categories = p.sharedCategories.map { $0.label.text(language) }.joined(separator: zh ? "、" : ", ")
        let gap = [p.days.map { zh ? "\($0) 天" : "\($0) d" }, p.kilometres.map { "\($0) km" }].compactMap { $0 }
            .joined(separator: " / ")
        return "\(number(p.earlierNumber, p.earlierExternal)) → \(number(p.laterNumber, p.laterExternal))  "
            + "\(Plate.display(p.plate))  \(gap)  \(categories)  \(p.repairClass.rawValue)  \(p.status.label.text(language))"
    }
}
