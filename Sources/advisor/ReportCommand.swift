import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

/// `advisor report --period 2026-11 --format csv|text`: the Reports panel's figures for spreadsheets.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the KPI report (FTFR, comeback rate, follow-up, delivery, appointments) for a period.",
        discussion: """
        --period takes a month (2026-11), a day (2026-11-22) or a range of days (2026-11-01..2026-11-15).
        CSV prints every table one after another, separated by a blank line; --table picks one.
        Needs the manager role (view reports).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, text }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The period: 2026-11, 2026-11-22 or 2026-11-01..2026-11-15 (default: this month).")
    var period: String?

    @Option(help: "csv or text.")
    var format: Format = .text

    @Option(help: "Only one table: kpis, technicians, advisors, categories or months.")
    var table: String?

    func run() throws {
        let db = try database.openReadOnly()
        defer { try? db.close() }
        let zone = ShopClock.timeZone(db)
        let now = Date()
        let language = CLILanguage.current
        let chosen: ReportPeriod
        if let text = period {
            guard let parsed = ReportPeriod.parse(text, timeZone: zone) else {
                throw CLIError(Message(zh: "--period：请输入 2026-11、2026-11-22 或 2026-11-01..2026-11-15 这样的期间（收到 \(FreeText.sanitize(text))）",
                                       en: "--period: give 2026-11, 2026-11-22 or 2026-11-01..2026-11-15 (got \(FreeText.sanitize(text)))"))
            }
            chosen = parsed
        } else {
            chosen = ReportPeriod.containing(now, kind: .month, timeZone: zone)
        }
        var kind: ReportTable.Kind?
        if let table {
            guard let k = ReportTable.Kind(rawValue: table) else {
                throw CLIError(Message(zh: "--table：可选 kpis、technicians、advisors、categories、months",
                                       en: "--table: one of kpis, technicians, advisors, categories, months"))
            }
            kind = k
        }
        do {
            let me = try OperatorIdentity.require(in: db, now: now)
            try OperatorIdentity.require(.viewReports, me)
            let report = try db.kpiReport(period: chosen, timeZone: zone)
            var tables = ReportTables.all(report, targets: try db.kpiTargets(), names: try db.staffNames(), language: language)
            if let kind { tables = tables.filter { $0.kind == kind } }
            switch format {
            case .csv: print(tables.map { $0.csv() }.joined(separator: "\r\n"), terminator: "")
            case .text: print(ReportTables.text(tables, period: chosen.label(timeZone: zone), language: language), terminator: "")
            }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}
