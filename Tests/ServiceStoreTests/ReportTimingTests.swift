import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore

/// Times the month's reports on a large database: `INSIGHTS_BENCH_DB=/path/shop-medium.db swift test --filter ReportTimingTests`
/// (the database from `advisor-bench --size medium --keep DIR`). Skipped without the variable.
@Suite struct ReportTimingTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["INSIGHTS_BENCH_DB"] != nil))
    func theMonthsReportOnALargeDatabase() throws {
        let path = ProcessInfo.processInfo.environment["INSIGHTS_BENCH_DB"]!
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let db = try AppDatabase.open(path: path, timeZone: zone)
        let month = ReportPeriod.containing(Date(), kind: .month, timeZone: zone).shifted(by: -1, timeZone: zone)
        var timings: [Double] = []
        var report: KPIReport?
        for _ in 0..<3 {
            let start = Date()
            report = try db.kpiReport(period: month, timeZone: zone)
            _ = ReportTables.all(report!, targets: try db.kpiTargets(), names: try db.staffNames(), language: .zhHans)
            timings.append(Date().timeIntervalSince(start) * 1000)
        }
        let orders = try db.dbPool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM repair_order") ?? 0 }
        print(String(format: "report %@ on %d repair orders: %d visits, runs %@ ms", month.label(timeZone: zone), orders,
                     report!.ftfr.overall.visits, timings.map { String(format: "%.0f", $0) }.joined(separator: ", ")))
        #expect(report!.ftfr.overall.visits > 0)
        let start = Date()
        let listings = try db.comebackListings(now: Date(), timeZone: zone)
        print(String(format: "comebacks panel: %d listings in %.0f ms", listings.count, Date().timeIntervalSince(start) * 1000))
    }
}
