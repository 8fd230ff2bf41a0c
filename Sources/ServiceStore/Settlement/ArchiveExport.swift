import Foundation
import GRDB
import ServiceDomain

/// A settled order's repair record for the health-archive upload, or why it cannot go yet.
public struct ArchiveCandidate: Sendable, Equatable {
    public var settlementID: RowID
    public var roNumber: String
    public var record: RepairRecord
    /// Required fields the record lacks; a record with any is named, never exported half-empty.
    public var missing: [Message]
}

extension AppDatabase {
    /// The current settlements settled in [since, until), with their records; `pendingOnly` leaves out those
    /// already exported. A read: the export is marked only once its file is written (`markArchiveExported`).
    public func archiveCandidates(since: Date, until: Date?, pendingOnly: Bool, operator op: Operator) throws -> [ArchiveCandidate] {
        return try dbPool.read { db in
            try SettlementAccess.require(db, .exportPersonalData, op)
            let shopName = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [PrintSettingKey.shopName]) ?? ""
            var sql = "SELECT * FROM settlement WHERE is_current = 1 AND settled_at >= ?"
            var arguments: [any DatabaseValueConvertible] = [since]
            if let until { sql += " AND settled_at < ?"; arguments.append(until) }
            if pendingOnly { sql += " AND NOT EXISTS (SELECT 1 FROM archive_export e WHERE e.settlement_id = settlement.id)" }
            sql += " ORDER BY settled_at, id"
            let qcForAll = try Self.qcRequiredForAll(db)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
                let settlement = try SettlementRows.settlement(row)
                guard let order = try Persistence.fetch(RepairOrder.self, db, id: settlement.repairOrderID) else { return nil }
                let vehicle = try Persistence.fetch(Vehicle.self, db, id: order.vehicleID)
                let concerns = try Persistence.fetchAll(Concern.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [order.id!])
                let qc = try Persistence.fetchAll(QualityCheck.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                                  arguments: [order.id!]).last
                let record = RepairRecordRules.record(
                    shopName: shopName, vin: vehicle?.vin ?? "", plate: vehicle?.plate ?? "", order: order,
                    concerns: concerns.map(\.text), settlement: settlement, qc: qc, timeZone: timeZone)
                return ArchiveCandidate(settlementID: settlement.id!, roNumber: order.number, record: record,
                                        missing: RepairRecordRules.missingFields(record, qcRequiredForAll: qcForAll))
            }
        }
    }

    /// Marks the settlements as exported in `fileName` now (after the file was written), audited.
    public func markArchiveExported(settlementIDs: [RowID], fileName: String, operator op: Operator, now: Date) throws {
        try write { db in
            try SettlementAccess.require(db, .exportPersonalData, op)
            for id in settlementIDs {
                try db.execute(sql: "INSERT INTO archive_export (settlement_id, exported_at, file_name, operator_id) VALUES (?, ?, ?, ?)",
                               arguments: [id, now, fileName, op.staffID])
            }
            try Audit.append(db, operator: op, at: now, action: "archiveExport", entity: "settlement", entityID: nil,
                             detail: ["records": .int(Int64(settlementIDs.count)), "file": .string(fileName)])
        }
    }
}

/// The export file for the shop's upload client: CSV (UTF-8 with BOM, as Excel and the clients read it,
/// formula-guarded) or JSON lines.
public enum ArchiveFile {
    public enum Format: String, Sendable, CaseIterable { case csv, jsonl }

    public static func text(_ records: [RepairRecord], format: Format) throws -> String {
        switch format {
        case .csv:
            return "\u{FEFF}" + ([RepairRecordRules.csvHeader] + records.map(RepairRecordRules.csvCells))
                .map(CSVFormat.line).joined()
        case .jsonl:
            return try records.map { try RepairRecordRules.jsonLine($0) + "\n" }.joined()
        }
    }
}
