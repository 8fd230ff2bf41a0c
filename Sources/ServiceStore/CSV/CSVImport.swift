import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Imports a customer/vehicle file (the export's format; BOM optional). Every row is validated
    /// first; any problem refuses the whole file with an `ImportError` naming each line and column, and
    /// nothing is written. The rows are matched against one read snapshot (no write lock), then written
    /// in short transactions that terminals' saves interleave with (`applyImport`; a failure there takes
    /// back what was written):
    ///
    /// - A row whose phone matches a stored customer (or one created by an earlier row) is that
    ///   customer: new phones are appended, the two flags are switched on if the row has them, notes
    ///   are filled only when the stored ones are empty, and the stored name is kept (a warning
    ///   says so when it differs). Phones belonging to two different customers are refused.
    /// - A plate already registered to that customer updates the vehicle with the row's non-empty
    ///   cells (VIN, model, dates, warranty km). A plate registered to another customer is refused:
    ///   changing a car's owner is done on purpose in the console, never by a file.
    /// - A new plate adds a vehicle (a VIN already registered elsewhere is refused).
    ///
    /// Auditing: each change to a stored customer or vehicle gets its own `update` audit row (old and
    /// new values); the customers and vehicles the file creates are summed up in the import's one
    /// `import` audit row (counts, and the first and last id created of each), like a bulk load,
    /// instead of one `insert` row each.
    /// `encoding` nil: detected from the bytes (UTF-8, else GB18030).
    public func importCustomersAndVehicles(from url: URL, operator op: Operator, now: Date,
                                           encoding: ImportEncoding? = nil) throws -> ImportReport {
        // "Today" is the shop's, whatever zone the machine running the import is set to.
        let shopZone = (try? setting(key: "shop.timezone")).flatMap { $0 }.flatMap(TimeZone.init(identifier:)) ?? timeZone
        // Streamed: the file's bytes and text are never held whole (a 58 MB file peaked at 1.2 GB read at once).
        let rows = try CustomerCSVReader(today: CalendarDate(now, in: shopZone), encoding: encoding).read(url: url)
        let plan: ImportPlan
        do {
            plan = try dbPool.read { db in try planImport(rows, db: db, operator: op, now: now) }
        } catch {
            throw userFacing(error)
        }
        try applyImport(plan, operator: op, now: now, summary: Self.importSummary(plan))
        return plan.report
    }

    func planImport(_ rows: [ImportRow], db: Database, operator op: Operator, now: Date) throws -> ImportPlan {
            var report = ImportReport()
            var problems: [ImportProblem] = []
            var applier = try ImportApplier(store: self, db: db, rows: rows, operator: op, now: now)
            for row in rows {
                do {
                    try applier.apply(row, report: &report)
                } catch let error as ImportApplier.RowRefusal {
                    problems.append(ImportProblem(line: row.line, column: error.column, reason: error.reason))
                } catch let error as StoreError {
                    problems.append(ImportProblem(line: row.line, column: Self.importColumn(for: error),
                                                  reason: error.message))
                } catch let error as ValidationError {
                    problems.append(ImportProblem(line: row.line,
                                                  column: CustomerCSVReader.column(for: error.field, fallback: ""),
                                                  reason: error.message))
                }
            }
            // Nothing has been written yet: a refused file leaves the database as it was.
            if !problems.isEmpty { throw ImportError(problems: problems) }
            // The mileage column, checked against the same snapshot: a reading below a car's last is a problem
            // of its row, and the readings to add are written after the cars (`applyImport`).
            let readings = try ImportReadings.plan(db, rows: rows)
            if !readings.problems.isEmpty { throw ImportError(problems: readings.problems) }
            report.readingsAdded = readings.planned.count
            report.odometersReplaced = readings.planned.filter { $0.odometerReason != nil }.count
            report.rows = rows.count
            var plan = applier.plan(report: report)
            plan.readings = readings.planned
            return plan
    }

    private static func importSummary(_ plan: ImportPlan) -> [String: AuditValue] {
            let report = plan.report
            let detail: [String: AuditValue] = [
                "rows": .int(Int64(report.rows)),
                "customersCreated": .int(Int64(report.customersCreated)),
                "customersMatched": .int(Int64(report.customersMatched)),
                "vehiclesCreated": .int(Int64(report.vehiclesCreated)),
                "vehiclesUpdated": .int(Int64(report.vehiclesUpdated)),
                "readingsAdded": .int(Int64(report.readingsAdded)),
                "odometersReplaced": .int(Int64(report.odometersReplaced)),
            ]
            return detail
    }

    private static func importColumn(for error: StoreError) -> String {
        switch error {
        case .duplicatePlate: "plate"
        case .duplicateVIN: "vin"
        default: ""
        }
    }
}
