import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Corrects a line's labour, parts and hours before delivery (the final amounts come from the lines).
    /// Version checked on the order, which every edit of its lines bumps; audited with old and new values.
    @discardableResult
    public func editWorkLine(jobID: RowID, labour: Fen, parts: Fen, labourHours: Double, orderVersion: Int,
                             operator op: Operator, now: Date) throws -> Job {
        try WorkLines.checkAmounts(labour: labour, parts: parts, labourHours: labourHours)
        return try write { db in
            guard var job = try Persistence.fetch(Job.self, db, id: jobID) else {
                throw StoreError.notFound(entity: Job.table, id: jobID)
            }
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: job.repairOrderID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: job.repairOrderID)
            }
            guard order.version == orderVersion else {
                throw try conflictError(db, entity: RepairOrder.table, id: order.id!)
            }
            try WorkLines.checkEditable(job: job, stage: order.stage)
            let before = job.columns
            job.labour = labour
            job.parts = parts
            job.labourHours = labourHours
            try db.execute(sql: "UPDATE job SET labour = ?, parts = ?, labour_hours = ?, version = version + 1 WHERE id = ?",
                           arguments: [labour.value, parts.value, labourHours, jobID])
            try Audit.append(db, operator: op, at: now, action: "update", entity: Job.table, entityID: jobID,
                             detail: Audit.changes(from: before, to: job.columns))
            _ = try touch(db, order: order)
            return job
        }
    }

    /// Gives the order another service advisor (an active advisor). Version checked, audited.
    @discardableResult
    public func reassignAdvisor(roID: RowID, advisorID: RowID, version: Int, operator op: Operator,
                                now: Date) throws -> RepairOrder {
        try write { db in
            guard var order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            guard order.version == version else { throw try conflictError(db, entity: RepairOrder.table, id: roID) }
            guard order.stage.isOpen else {
                throw StoreError.notAllowed(Message(zh: "工单已关闭", en: "The order is closed"))
            }
            guard let advisor = try Persistence.fetch(Staff.self, db, id: advisorID) else {
                throw StoreError.notFound(entity: Staff.table, id: advisorID)
            }
            try AdvisorRules.checkAdvisor(advisor)
            let before = order.columns
            order.advisorID = advisorID
            guard try Persistence.update(order, id: roID, expectedVersion: version, db) else {
                throw try conflictError(db, entity: RepairOrder.table, id: roID)
            }
            order.version = version + 1
            try Audit.append(db, operator: op, at: now, action: "reassignAdvisor", entity: RepairOrder.table,
                             entityID: roID, detail: Audit.changes(from: before, to: order.columns))
            return order
        }
    }

    /// Who may sign this order's QC sheet: leads first, then technicians who did none of its work.
    public func qcInspectors(roID: RowID) throws -> [StaffChoice] {
        try dbPool.read { db in
            let own = try Self.workTechnicians(db, roID: roID)
            let staff = try Persistence.fetchAll(Staff.self, db, where: "is_active = 1 ORDER BY name, id")
            let eligible = staff.filter { QCRules.mayInspect($0, workTechnicians: own) }
            let leads = eligible.filter { $0.roles.contains { $0.permissions.contains(.qualityCheck) } }
            let others = eligible.filter { s in !leads.contains { $0.id == s.id } }
            return (leads + others).map { StaffChoice(id: $0.id!, name: $0.name, skillLevel: $0.skillLevel) }
        }
    }

    /// Open work per technician (lines still to do on open orders): the dispatch picker shows the load.
    func openJobCounts(_ db: Database) throws -> [RowID: Int] {
        var result: [RowID: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT j.technician_id AS id, count(*) AS n FROM job j JOIN repair_order ro ON ro.id = j.repair_order_id
            WHERE j.technician_id IS NOT NULL AND j.status IN ('pending', 'approved', 'awaitingApproval')
              AND ro.stage NOT IN ('delivered', 'cancelled')
            GROUP BY j.technician_id
            """) {
            result[row["id"]] = row["n"]
        }
        return result
    }

    /// Declined lines of this customer's earlier visits, newest first: shown on the card at the next check-in.
    static func declinedWork(_ db: Database, customerID: RowID) throws -> [Job] {
        try Persistence.fetchAll(Job.self, db, where: """
            status = 'declined' AND repair_order_id IN (SELECT id FROM repair_order WHERE customer_id = ?)
            ORDER BY repair_order_id DESC, id LIMIT 20
            """, arguments: [customerID])
    }
}
