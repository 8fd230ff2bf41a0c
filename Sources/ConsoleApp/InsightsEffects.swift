import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the comebacks and reports panels' store work and reports back as actions.
enum InsightsEffects {
    static func perform(_ request: InsightsRequest, _ context: EffectContext) -> [Action] {
        do {
            return try run(request, context)
        } catch {
            return [.insights(.failed((error as? UserFacingError)?.message ?? Strings.loadFailed))]
        }
    }

    private static func run(_ request: InsightsRequest, _ context: EffectContext) throws -> [Action] {
        let db = context.db
        switch request {
        case .loadComebacks:
            return [.insights(.comebacksLoaded(try db.comebackListings(now: context.now, timeZone: context.timeZone), technicians: try db.technicians()))]
        case .loadRates(let listing):
            let rates = try db.technicianRates(for: listing, timeZone: context.timeZone)
            return [.insights(.ratesLoaded(comebackID: listing.comeback.id ?? 0, rates: rates))]
        case .searchCandidates:
            return [.insights(.searched(added: try context.desk.searchComebackCandidates(now: context.now)))]
        case .confirm(let id, let version, let cause, let technicianID):
            try context.desk.confirmComeback(id: id, version: version, rootCause: cause, technicianID: technicianID,
                                             now: context.now)
            return [.insights(.decided(InsightsStrings.confirmed))]
        case .dismiss(let id, let version, let reason):
            try context.desk.dismissComeback(id: id, version: version, reason: reason, now: context.now)
            return [.insights(.decided(InsightsStrings.dismissed))]
        case .loadReport(let period):
            return [.insights(.reportLoaded(LoadedReport(
                report: try context.desk.kpiReport(period: period, timeZone: context.timeZone), targets: try db.kpiTargets(),
                names: try db.staffNames())))]
        case .exportReport(let period, let language):
            let report = try context.desk.kpiReport(period: period, timeZone: context.timeZone)
            let tables = ReportTables.all(report, targets: try db.kpiTargets(), names: try db.staffNames(), language: language)
            let folder = URL(fileURLWithPath: db.path).deletingLastPathComponent().appendingPathComponent("reports")
            do {
                try FileModes.createFolder(folder.path)
                let label = period.label(timeZone: context.timeZone).replacingOccurrences(of: "..", with: "_")
                for table in tables {
                    let file = folder.appendingPathComponent("report-\(label)-\(table.kind.rawValue).csv")
                    try FileModes.writeFile(Data(table.csv().utf8), to: file.path)
                }
            } catch {
                throw StoreError.cannotWriteFile(path: folder.path, detail: error.localizedDescription)
            }
            return [.insights(.exported(folder: folder.path, files: tables.count))]
        }
    }
}
