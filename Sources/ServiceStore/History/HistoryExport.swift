import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Writes every repair order as a history file (`import-history`'s columns, UTF-8, shop time), streaming:
    /// how an old system's export looks, for the benchmark and for moving a shop between consoles. The
    /// number is the external one where the order has it. Returns the rows written.
    @discardableResult
    public func exportHistory(to url: URL) throws -> Int {
        let zone = (try? setting(key: "shop.timezone")).flatMap { $0 }.flatMap(TimeZone.init(identifier:)) ?? timeZone
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let out = FileHandle(forWritingAtPath: url.path) else {
            throw StoreError.cannotReadFile(path: url.path, detail: "cannot create the file")
        }
        defer { try? out.close() }
        var buffer = CSVFormat.line(HistoryCSV.orderColumns)
        var count = 0
        func time(_ date: Date?) -> String { date.map { ShopTimeParser.format($0, in: zone) } ?? "" }
        func yuan(_ fen: Int64) -> String { String(format: "%lld.%02lld", fen / 100, fen % 100) }
        try dbPool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT COALESCE(x.external_number, r.number) AS number, r.opened_at, r.closed_at, r.promised_at, r.stage,
                       v.plate, v.vin, c.name,
                       (SELECT phone FROM customer_phone WHERE customer_id = c.id ORDER BY position LIMIT 1) AS phone,
                       v.model, r.mileage_in, r.service_type, r.repair_class,
                       (SELECT text || char(31) || category FROM concern WHERE repair_order_id = r.id ORDER BY id LIMIT 1) AS concern,
                       a.name AS advisor,
                       (SELECT s.name FROM job j JOIN staff s ON s.id = j.technician_id WHERE j.repair_order_id = r.id
                        ORDER BY j.id LIMIT 1) AS technician,
                       COALESCE(r.final_labour, r.estimate_labour) AS labour, COALESCE(r.final_parts, r.estimate_parts) AS parts
                FROM repair_order r JOIN vehicle v ON v.id = r.vehicle_id JOIN customer c ON c.id = r.customer_id
                LEFT JOIN staff a ON a.id = r.advisor_id LEFT JOIN repair_order_external x ON x.repair_order_id = r.id
                ORDER BY r.id
                """)
            while let row = try rows.next() {
                let stage = ROStage(rawValue: row["stage"]) ?? .checkedIn
                let status = switch stage {
                case .delivered: "closed"
                case .cancelled: "cancelled"
                case .checkedIn, .dispatched: "open"
                case .waitingParts: "waiting parts"
                default: "in progress"
                }
                let concern = ((row["concern"] as String?) ?? "").split(separator: "\u{1F}", omittingEmptySubsequences: false)
                buffer += CSVFormat.line([
                    row["number"], time(row["opened_at"]), stage.isOpen ? "" : time(row["closed_at"]), time(row["promised_at"]),
                    status, row["plate"], row["vin"] ?? "", (row["phone"] as String?) ?? "", row["name"], row["model"],
                    String(row["mileage_in"] as Int), row["service_type"], row["repair_class"],
                    concern.first.map(String.init) ?? "", concern.count > 1 ? String(concern[1]) : "",
                    (row["advisor"] as String?) ?? "", (row["technician"] as String?) ?? "",
                    yuan(row["labour"]), yuan(row["parts"]),
                ])
                count += 1
                if buffer.utf8.count > 1 << 20 {
                    out.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        out.write(Data(buffer.utf8))
        return count
    }
}

extension ShopTimeParser {
    /// `yyyy-MM-dd HH:mm:ss` in `zone` (the civil-from-days algorithm; a formatter per row is too slow).
    static func format(_ date: Date, in zone: TimeZone) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}

extension AppDatabase {
    /// Every repair order's id (the benchmark's comeback pass over the whole history).
    public func allRepairOrderIDs() throws -> [RowID] {
        try dbPool.read { try RowID.fetchAll($0, sql: "SELECT id FROM repair_order ORDER BY id") }
    }
}
