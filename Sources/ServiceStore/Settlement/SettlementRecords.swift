import Foundation
import GRDB
import ServiceDomain

/// Row mapping of the settlement tables (`settle-*` migrations).
extension PartLine: StoredRecord {
    static let table = "part_line"

    init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), jobID: try row.decode(forColumn: "job_id"),
                  number: try row.decode(forColumn: "number"), name: try row.decode(forColumn: "name"),
                  quantityHundredths: try row.decode(forColumn: "quantity_hundredths"),
                  unitPrice: try row.fen("unit_price"), kind: try row.enumValue("kind", in: Self.table),
                  oldPart: try row.optionalEnumValue("old_part", in: Self.table),
                  fittedAt: try row.decode(forColumn: "fitted_at"))
    }

    var columns: [(String, DatabaseValue)] {
        [("job_id", dbValue(jobID)), ("number", dbValue(number)), ("name", dbValue(name)),
         ("quantity_hundredths", dbValue(quantityHundredths)), ("unit_price", dbValue(unitPrice)),
         ("kind", dbValue(kind.rawValue)), ("old_part", dbValue(oldPart?.rawValue)), ("fitted_at", dbValue(fittedAt))]
    }
}

enum SettlementRows {
    static func charge(_ row: Row) throws -> WorkLineCharge {
        WorkLineCharge(jobID: try row.decode(forColumn: "job_id"), operationCode: try row.decode(forColumn: "operation_code"),
                       labourType: try row.decode(forColumn: "labour_type"), rate: try row.optionalFen("rate"),
                       paymentBasis: try row.enumValue("payment_basis", in: "job_charge"),
                       claimNumber: try row.decode(forColumn: "claim_number"),
                       goodwillApproverID: try row.decode(forColumn: "goodwill_approver_id"),
                       discount: try row.fen("discount"), discountApproverID: try row.decode(forColumn: "discount_approver_id"))
    }

    static func charges(_ db: Database, roID: RowID) throws -> [RowID: WorkLineCharge] {
        var result: [RowID: WorkLineCharge] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.* FROM job_charge c JOIN job j ON j.id = c.job_id WHERE j.repair_order_id = ?
            """, arguments: [roID]) {
            let c = try charge(row)
            result[c.jobID] = c
        }
        return result
    }

    static func charge(_ db: Database, jobID: RowID) throws -> WorkLineCharge? {
        try Row.fetchOne(db, sql: "SELECT * FROM job_charge WHERE job_id = ?", arguments: [jobID]).map(charge)
    }

    static func save(_ db: Database, _ c: WorkLineCharge) throws {
        try db.execute(sql: """
            INSERT INTO job_charge (job_id, operation_code, labour_type, rate, payment_basis, claim_number,
                                    goodwill_approver_id, discount, discount_approver_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job_id) DO UPDATE SET operation_code = excluded.operation_code,
                labour_type = excluded.labour_type, rate = excluded.rate, payment_basis = excluded.payment_basis,
                claim_number = excluded.claim_number, goodwill_approver_id = excluded.goodwill_approver_id,
                discount = excluded.discount, discount_approver_id = excluded.discount_approver_id
            """, arguments: [c.jobID, c.operationCode, c.labourType, c.rate?.value, c.paymentBasis.rawValue, c.claimNumber,
                             c.goodwillApproverID, c.discount.value, c.discountApproverID])
    }

    static func parts(_ db: Database, roID: RowID) throws -> [PartLine] {
        try Persistence.records(PartLine.self, db, sql: """
            SELECT p.* FROM part_line p JOIN job j ON j.id = p.job_id WHERE j.repair_order_id = ? ORDER BY p.job_id, p.id
            """, arguments: [roID])
    }

    static func consentedParts(_ db: Database, roID: RowID) throws -> Set<RowID> {
        Set(try RowID.fetchAll(db, sql: """
            SELECT DISTINCT c.part_line_id FROM part_consent c JOIN part_line p ON p.id = c.part_line_id
            JOIN job j ON j.id = p.job_id WHERE j.repair_order_id = ?
            """, arguments: [roID]))
    }

    static func consents(_ db: Database, roID: RowID) throws -> [PartConsent] {
        try Row.fetchAll(db, sql: """
            SELECT c.* FROM part_consent c JOIN part_line p ON p.id = c.part_line_id JOIN job j ON j.id = p.job_id
            WHERE j.repair_order_id = ? ORDER BY c.id
            """, arguments: [roID]).map { row in
            PartConsent(partLineID: row["part_line_id"], givenBy: row["given_by"],
                        method: try row.enumValue("method", in: "part_consent"), recordedByID: row["recorded_by_id"],
                        at: row["at"])
        }
    }

    static func settlement(_ row: Row) throws -> Settlement {
        let json: String = row["lines_json"]
        let lines = try JSONDecoder().decode([SettledLine].self, from: Data(json.utf8))
        return Settlement(id: row["id"], repairOrderID: row["repair_order_id"], number: row["number"],
                          versionNo: row["version_no"], isCurrent: row["is_current"], lines: lines,
                          orderDiscount: try row.fen("order_discount"), customerPays: try row.fen("customer_pays"),
                          total: try row.fen("total"), reason: row["reason"], settledByID: row["settled_by_id"],
                          settledAt: row["settled_at"])
    }

    static func linesJSON(_ lines: [SettledLine]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(lines), as: UTF8.self)
    }
}

/// Permission checks inside the write's transaction: the roles are read in the same transaction as the
/// change, so a role taken away a moment ago cannot slip a write through.
enum SettlementAccess {
    static func roles(_ db: Database, _ op: Operator) throws -> Set<Role> {
        guard let id = op.staffID, let staff = try Persistence.fetch(Staff.self, db, id: id), staff.isActive else { return [] }
        return staff.roles
    }

    @discardableResult
    static func require(_ db: Database, _ permission: Permission, _ op: Operator) throws -> Set<Role> {
        let roles = try roles(db, op)
        try Authorization.require(permission, roles: roles)
        return roles
    }

    /// Either permission will do (parts are added by technicians and by advisors).
    static func requireAny(_ db: Database, _ permissions: [Permission], _ op: Operator) throws {
        let roles = try roles(db, op)
        if permissions.contains(where: { Authorization.allows($0, roles: roles) }) { return }
        try Authorization.require(permissions[0], roles: roles)
    }
}
