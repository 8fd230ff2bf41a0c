import Foundation
import GRDB
import ServiceDomain

/// The `mileage` column of an import: one `imported` odometer reading per car, once its row is applied.
enum ImportReadings {
    /// Adds a reading for each row with a mileage, unless the car already has one as high. A reading
    /// below the car's last one is a problem of that row: an import never lowers an odometer (a
    /// replaced one is recorded at the desk, with its reason).
    static func add(_ db: Database, rows: [ImportRow], now: Date) throws -> (added: Int, problems: [ImportProblem]) {
        var added = 0
        var problems: [ImportProblem] = []
        for row in rows {
            guard let km = row.mileage, let plate = row.vehicle?.plate else { continue }
            guard let vehicleID = try RowID.fetchOne(db, sql: "SELECT id FROM vehicle WHERE plate = ? AND is_active = 1",
                                                     arguments: [plate]) else { continue }
            let last = try Int.fetchOne(db, sql: "SELECT MAX(km) FROM mileage_reading WHERE vehicle_id = ?",
                                        arguments: [vehicleID])
            if let last, km < last {
                problems.append(ImportProblem(line: row.line, column: "mileage", reason: Message(
                    zh: "里程 \(km) 公里低于这辆车已记录的 \(last) 公里；导入不会调低里程（更换过里程表请在接车时登记原因）",
                    en: "Mileage \(km) km is below the \(last) km already recorded for this car; an import never "
                        + "lowers it (record a replaced odometer at check-in, with the reason)"),
                    value: String(km)))
                continue
            }
            if let last, km == last { continue }
            _ = try Persistence.insert(MileageReading(vehicleID: vehicleID, km: km, readAt: now, source: .imported), db)
            added += 1
        }
        return (added, problems)
    }
}
