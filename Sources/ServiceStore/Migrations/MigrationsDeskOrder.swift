import Foundation
import GRDB
import ServiceDomain

extension Schema {
    /// Migrations of the desk-order work (money, QC and people on the order), registered last in
    /// `Schema.migrator`. Append only: never edit one that has shipped.
    static func registerDeskOrderMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("desk-order-1-work-lines-approval-advisor") { db in
            // How the customer answered on additional work, who recorded it and when.
            try db.execute(sql: """
                ALTER TABLE job ADD COLUMN approval_method TEXT
                    CHECK (approval_method IS NULL OR approval_method IN ('inPerson', 'phone', 'message'));
                ALTER TABLE job ADD COLUMN decided_by_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;
                ALTER TABLE job ADD COLUMN decided_at TEXT;
                """)
            let op = Operator(staffID: nil, name: "migration desk-order-1")
            let now = Date()
            try DeskOrderRepair.estimateToLines(db, operator: op, now: now)
            try DeskOrderRepair.advisorFromCheckIn(db, operator: op, now: now)
        }
    }
}

/// Repairs of orders saved before the estimate reached the work lines and before every order had an advisor.
enum DeskOrderRepair {
    /// Orders whose estimate never reached a line (every line ¥0, or no line at all) get it on their first
    /// original line, or on a new line named after the first concern. Delivered orders whose final amounts
    /// were stored as ¥0 from those empty lines get the lines' totals as their final amounts. Cancelled
    /// orders are left as they are (nothing was charged). Each repaired order gets an audit row.
    ///
    /// `ids` limits the repair to those orders (the batched upgrade, `SchemaUpgrade`); nil (the frozen
    /// migration's call) is every order, with the very statement the migration shipped with.
    static func estimateToLines(_ db: Database, operator op: Operator, now: Date,
                                ids: ClosedRange<RowID>? = nil) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT ro.id, ro.stage, ro.estimate_labour, ro.estimate_parts, ro.final_labour, ro.final_parts
            FROM repair_order ro
            WHERE ro.stage <> 'cancelled' AND ro.estimate_labour + ro.estimate_parts > 0
              AND NOT EXISTS (SELECT 1 FROM job j WHERE j.repair_order_id = ro.id AND j.is_additional = 0
                              AND j.labour + j.parts > 0)
            """.ranged(ids), arguments: ids.map { [$0.lowerBound, $0.upperBound] } ?? [])
        for row in rows {
            let id: RowID = row["id"]
            let stage: String = row["stage"]
            let labour: Int64 = row["estimate_labour"]
            let parts: Int64 = row["estimate_parts"]
            var detail: [String: AuditValue] = ["estimate_labour": .int(labour), "estimate_parts": .int(parts)]
            if let jobID = try RowID.fetchOne(db, sql: """
                SELECT id FROM job WHERE repair_order_id = ? AND is_additional = 0 ORDER BY id LIMIT 1
                """, arguments: [id]) {
                try db.execute(sql: "UPDATE job SET labour = ?, parts = ?, version = version + 1 WHERE id = ?",
                               arguments: [labour, parts, jobID])
                detail["job_id"] = .int(jobID)
            } else {
                let concern = try String.fetchOne(db, sql: """
                    SELECT text FROM concern WHERE repair_order_id = ? ORDER BY id LIMIT 1
                    """, arguments: [id]) ?? ""
                let line = WorkLines.fromEstimate(concern: concern, labour: Fen(labour), parts: Fen(parts),
                                                  labourMinutes: 0)
                try db.execute(sql: """
                    INSERT INTO job (repair_order_id, description, status, labour, parts) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [id, line.description, stage == "delivered" ? "done" : "pending", labour, parts])
                detail["job_id"] = .int(db.lastInsertedRowID)
            }
            let finalLabour: Int64? = row["final_labour"]
            let finalParts: Int64? = row["final_parts"]
            if stage == "delivered", (finalLabour ?? 0) == 0, (finalParts ?? 0) == 0 {
                try db.execute(sql: """
                    UPDATE repair_order SET
                        final_labour = (SELECT coalesce(sum(labour), 0) FROM job WHERE repair_order_id = ?1
                                        AND status NOT IN ('declined', 'awaitingApproval')),
                        final_parts = (SELECT coalesce(sum(parts), 0) FROM job WHERE repair_order_id = ?1
                                       AND status NOT IN ('declined', 'awaitingApproval')),
                        version = version + 1
                    WHERE id = ?1
                    """, arguments: [id])
                detail["final_amounts"] = .string("from lines")
            } else {
                try db.execute(sql: "UPDATE repair_order SET version = version + 1 WHERE id = ?", arguments: [id])
            }
            try Audit.append(db, operator: op, at: now, action: "repairEstimateToLines", entity: RepairOrder.table,
                             entityID: id, detail: detail)
        }
    }

    /// Orders without an advisor get the person who checked them in, when that person is an advisor or a rung
    /// above (`AdvisorRules.advisorRoles`; read
    /// from the audit trail's insert row). Others stay without one and can be assigned from the board.
    /// `ids` as for `estimateToLines`.
    static func advisorFromCheckIn(_ db: Database, operator op: Operator, now: Date,
                                   ids: ClosedRange<RowID>? = nil) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT ro.id, (SELECT a.operator_id FROM audit_log a JOIN staff s ON s.id = a.operator_id
                           WHERE a.entity = 'repair_order' AND a.entity_id = ro.id AND a.action = 'insert'
                             AND ((',' || s.roles || ',') LIKE '%,advisor,%' OR (',' || s.roles || ',') LIKE '%,workshopLead,%'
                                  OR (',' || s.roles || ',') LIKE '%,manager,%' OR (',' || s.roles || ',') LIKE '%,admin,%')
                           ORDER BY a.id LIMIT 1) AS advisor
            FROM repair_order ro WHERE ro.advisor_id IS NULL
            """.ranged(ids), arguments: ids.map { [$0.lowerBound, $0.upperBound] } ?? [])
        for row in rows {
            guard let advisor: RowID = row["advisor"] else { continue }
            let id: RowID = row["id"]
            try db.execute(sql: "UPDATE repair_order SET advisor_id = ?, version = version + 1 WHERE id = ?",
                           arguments: [advisor, id])
            try Audit.append(db, operator: op, at: now, action: "repairAdvisor", entity: RepairOrder.table,
                             entityID: id, detail: ["advisor_id": .change(old: .null, new: advisor.databaseValue)])
        }
    }
}

private extension String {
    /// The statement limited to an id range of orders, read by rowid (`NOT INDEXED`: an index on stage or
    /// advisor would otherwise be scanned whole for every range); unchanged when `ids` is nil.
    func ranged(_ ids: ClosedRange<RowID>?) -> String {
        guard ids != nil else { return self }
        return replacingOccurrences(of: "FROM repair_order ro", with: "FROM repair_order ro NOT INDEXED")
            + " AND ro.id BETWEEN ? AND ?"
    }
}
