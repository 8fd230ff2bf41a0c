import Foundation
import GRDB
import ServiceDomain

/// What a history import did.
public struct HistoryImportReport: Sendable, Equatable {
    public var rows = 0
    /// Orders written by this import.
    public var ordersCreated = 0
    /// Rows whose external number was already imported (a re-import, or an earlier export's orders).
    public var ordersAlreadyImported = 0
    public var customersCreated = 0
    public var vehiclesCreated = 0
    /// Advisors and technicians the file names that were not on the staff list (created inactive).
    public var staffCreated = 0
    public var linesAdded = 0
    public var openOrders = 0
    public var callbacksCreated = 0
    /// Odometer readings out of line with their car's history, stored marked suspect.
    public var suspectReadings = 0
    /// Comeback candidates the rules found over the imported visits.
    public var comebackCandidates = 0
    /// Warnings: suspect readings, mainly (the import went ahead).
    public var warnings: [ImportProblem] = []

    public init() {}
}

/// The setting that maps a service type to the repair class of a history row without one:
/// `history.repairClass.<serviceType>` = a `RepairClass` raw value. Defaults as at check-in
/// (`CheckInDefaults.repairClass`): maintenance → level1Maintenance, every other type → minorRepair.
public enum HistorySettings {
    public static func repairClassKey(_ type: ServiceType) -> String { "history.repairClass.\(type.rawValue)" }
}

extension AppDatabase {
    /// Imports a repair-order history file (and optionally its lines file). Read twice, streaming: the first
    /// pass checks every row (on its own, against the other rows and against one read snapshot) and
    /// refuses the whole file with every problem when any row is wrong, having written nothing; the second
    /// writes the new orders in batches (`HistoryWriter`), taking everything back if a batch fails. Rows
    /// whose external number is stored already are left as they are. Then the comeback rules run over the
    /// imported visits (`recordHistoryComebacks`).
    public func importHistory(from url: URL, lines linesURL: URL? = nil, operator op: Operator, now: Date,
                              encoding: ImportEncoding? = nil) throws -> HistoryImportReport {
        let zone = (try? setting(key: "shop.timezone")).flatMap { $0 }.flatMap(TimeZone.init(identifier:)) ?? timeZone
        var classes: [ServiceType: RepairClass] = [:]
        for type in ServiceType.allCases {
            if let raw = try setting(key: HistorySettings.repairClassKey(type)), let value = RepairClass(rawValue: raw) {
                classes[type] = value
            }
        }
        let reader = HistoryReader(url: url, encoding: encoding, times: ShopTimeParser(timeZone: zone), repairClasses: classes)
        let plan: HistoryPlan
        do {
            plan = try dbPool.read { db in try HistoryPlanner.plan(reader, lines: linesURL, encoding: encoding, db: db) }
        } catch {
            throw userFacing(error)
        }
        var report = plan.report
        let window = try callbackWindowHours()
        let callingHours = try followUpSettings().callingHours
        var writer = HistoryWriter(store: self, plan: plan, operator: op, now: now, timeZone: zone,
                                   callbackWindowHours: window, callingHours: callingHours)
        try writer.write(reader, lines: linesURL, encoding: encoding, report: &report)
        report.comebackCandidates = try recordHistoryComebacks(orderIDs: writer.createdOrderIDs, operator: op, now: now)
        return report
    }
}

extension AppDatabase {
    /// The imported order the old system numbered `externalNumber` (case does not matter).
    public func repairOrder(externalNumber: String) throws -> RepairOrder? {
        try dbPool.read { db in
            try Persistence.fetchAll(RepairOrder.self, db, where: """
                id = (SELECT repair_order_id FROM repair_order_external WHERE external_number = ?)
                """, arguments: [FreeText.sanitize(externalNumber)]).first
        }
    }

    /// The old system's number of an imported order, nil for the console's own.
    public func externalNumber(repairOrderID: RowID) throws -> String? {
        try dbPool.read { db in
            try String.fetchOne(db, sql: "SELECT external_number FROM repair_order_external WHERE repair_order_id = ?",
                                arguments: [repairOrderID])
        }
    }
}
