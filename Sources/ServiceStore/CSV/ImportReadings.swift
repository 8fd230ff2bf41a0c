import Foundation
import GRDB
import ServiceDomain

/// A reading the import will add: the car by its plate (new cars have no id until their batch is written).
struct PlannedReading: Sendable, Equatable {
    let plate: String
    let km: Int
    /// Set when the reading is below the car's last one: recorded as a replaced odometer, with this reason.
    var odometerReason: String? = nil
}

/// The `mileage` column of an import: one `imported` odometer reading per car, once its row is applied; with
/// the `odometer_reason` column, a reading below the last one is an `odometerReplaced` reading instead.
enum ImportReadings {
    /// Checks the column against the stored readings (the import's read snapshot) and the rows before it:
    /// a reading below the car's last one is a problem of that row unless the row gives the reason the
    /// odometer was replaced (as at check-in), one equal to it adds nothing. A reason for a reading that is
    /// not below is not stored (as at check-in).
    static func plan(_ db: Database, rows: [ImportRow]) throws -> (planned: [PlannedReading], problems: [ImportProblem]) {
        var planned: [PlannedReading] = []
        var problems: [ImportProblem] = []
        var lastInFile: [String: Int] = [:]
        for row in rows {
            guard let km = row.mileage, let plate = row.vehicle?.plate else { continue }
            var last = lastInFile[plate]
            if last == nil, let vehicleID = try RowID.fetchOne(
                db, sql: "SELECT id FROM vehicle WHERE plate = ? AND is_active = 1", arguments: [plate]) {
                last = try Int.fetchOne(db, sql: "SELECT MAX(km) FROM mileage_reading WHERE vehicle_id = ?",
                                        arguments: [vehicleID])
            }
            if let last, km < last, !row.odometerReason.isEmpty {
                lastInFile[plate] = km
                planned.append(PlannedReading(plate: plate, km: km, odometerReason: row.odometerReason))
                continue
            }
            if let last, km < last {
                problems.append(ImportProblem(line: row.line, column: "mileage", reason: Message(
                    zh: "里程 \(km) 公里低于这辆车已记录的 \(last) 公里；如更换过里程表，请在 里程原因（odometer_reason）列填写原因",
                    en: "Mileage \(km) km is below the \(last) km already recorded for this car; if the odometer "
                        + "was replaced, give the reason in the odometer_reason column"),
                    value: String(km)))
                continue
            }
            if let last, km == last { continue }
            lastInFile[plate] = km
            planned.append(PlannedReading(plate: plate, km: km))
        }
        return (planned, problems)
    }

    /// Writes planned readings (their cars are stored by now); returns the new readings' ids.
    static func insert(_ db: Database, _ readings: ArraySlice<PlannedReading>, now: Date) throws -> [RowID] {
        var ids: [RowID] = []
        for reading in readings {
            guard let vehicleID = try RowID.fetchOne(db, sql: "SELECT id FROM vehicle WHERE plate = ? AND is_active = 1",
                                                     arguments: [reading.plate]) else { continue }
            let replaced = reading.odometerReason != nil
            let saved = try Persistence.insert(MileageReading(vehicleID: vehicleID, km: reading.km, readAt: now,
                                                              source: replaced ? .odometerReplaced : .imported,
                                                              reason: reading.odometerReason ?? ""), db)
            if let id = saved.id { ids.append(id) }
        }
        return ids
    }
}
