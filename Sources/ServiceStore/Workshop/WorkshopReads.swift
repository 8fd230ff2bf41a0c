import Foundation
import GRDB
import ServiceDomain





extension AppDatabase {
    /// One page of the open orders on the board, filtered and sorted in SQL. Risk is computed from integer
    /// milliseconds with the same rule as `PromiseRisk`, so sorting and colouring agree at the boundaries.
    public func waitingBoard(filter: WaitingBoardFilter, sort: WaitingBoardSort, now: Date, offset: Int,
                             limit: Int) throws -> BoardPage {
        let sql = WaitingBoardSQL.page(filter: filter, sort: sort, now: now, offset: offset, limit: limit)
        let countSQL = WaitingBoardSQL.count(filter: filter, now: now)
        return try dbPool.read { db in
            var result: [BoardRow] = []
            // Orders whose QC or hold state needs their history: read together below, not one by one.
            var historyNeeded: [RowID] = []
            try Row.fetchCursor(db, sql: sql).forEach { row in
                let stage: ROStage = try row.enumValue("stage", in: RepairOrder.table)
                let id: RowID = row["id"]
                if WaitingBoardSQL.needsHistory(stage) { historyNeeded.append(id) }
                let contact: String = row["contact_phone"]
                let opened: Date = row["opened_at"]
                result.append(BoardRow(
                    id: id, number: row["number"], version: row["version"], plate: row["plate"],
                    customerName: row["customer_name"],
                    phone: contact.isEmpty ? (row["primary_phone"] ?? "") : contact,
                    advisorID: row["advisor_id"], advisorName: row["advisor_name"] ?? "",
                    technicians: row["technicians"] ?? "", stage: stage,
                    repairClass: try row.enumValue("repair_class", in: RepairOrder.table),
                    openedAt: opened, promisedAt: row["promised_at"], stageSince: row["stage_since"] ?? opened,
                    isWaiter: row["is_waiter"], delayNotices: row["delay_count"], qcPassed: false, heldFrom: nil))
            }
            if !historyNeeded.isEmpty {
                let history = Dictionary(grouping: try Persistence.records(StageChange.self, db,
                                                                           sql: WaitingBoardSQL.history(historyNeeded)),
                                         by: \.repairOrderID)
                let checks = Dictionary(grouping: try Persistence.records(QualityCheck.self, db,
                                                                          sql: WaitingBoardSQL.checks(historyNeeded)),
                                        by: \.repairOrderID)
                for i in result.indices where WaitingBoardSQL.needsHistory(result[i].stage) {
                    let changes = history[result[i].id] ?? []
                    result[i].qcPassed = QCRules.isPassed(checks: checks[result[i].id] ?? [], history: changes)
                    result[i].heldFrom = result[i].stage == .onHold ? ROLifecycle.stageBeforeHold(changes) : nil
                }
            }
            let counts = try Row.fetchOne(db, sql: countSQL)!
            return BoardPage(rows: result, offset: max(0, offset), total: counts["total"], missed: counts["missed"],
                             atRisk: counts["at_risk"])
        }
    }

    public func repairOrderDetail(roID: RowID) throws -> RODetail? {
        try dbPool.read { db in
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else { return nil }
            let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
            var names: [RowID: String] = [:]
            for id in Set(jobs.compactMap(\.technicianID)) {
                names[id] = try Persistence.fetch(Staff.self, db, id: id)?.name
            }
            let history = try Persistence.fetchAll(StageChange.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                                   arguments: [roID])
            let checks = try Persistence.fetchAll(QualityCheck.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                                  arguments: [roID])
            let delays = try Persistence.fetchAll(DelayNotice.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                                  arguments: [roID])
            return RODetail(order: order, jobs: jobs, technicianNames: names, history: history, checks: checks,
                            delays: delays, qcPassed: QCRules.isPassed(checks: checks, history: history),
                            heldFrom: order.stage == .onHold ? ROLifecycle.stageBeforeHold(history) : nil)
        }
    }

    /// Active technicians, most skilled first (the dispatch picker).
    public func technicians() throws -> [StaffChoice] {
        let open = try dbPool.read { db in try openJobCounts(db) }
        return try allStaff().filter { $0.isActive && $0.roles.contains(.technician) }
            .sorted { $0.skillLevel != $1.skillLevel ? $0.skillLevel > $1.skillLevel : $0.name < $1.name }
            .map { StaffChoice(id: $0.id!, name: $0.name, skillLevel: $0.skillLevel, openJobs: open[$0.id!] ?? 0) }
    }

    /// Active advisors (and the rungs above them) by name: the board's advisor filter and the check-in choice.
    public func advisors() throws -> [StaffChoice] {
        try allStaff().filter(AdvisorRules.isAdvisor)
            .map { StaffChoice(id: $0.id!, name: $0.name, skillLevel: $0.skillLevel) }
    }

    /// Work the customer declined on earlier visits of this vehicle, newest first: shown at its next check-in.
    public func recommendations(vehicleID: RowID) throws -> [Job] {
        try dbPool.read { db in
            try Persistence.fetchAll(
                Job.self, db,
                where: """
                    status = 'declined' AND repair_order_id IN (SELECT id FROM repair_order WHERE vehicle_id = ?)
                    ORDER BY repair_order_id DESC, id
                    """, arguments: [vehicleID])
        }
    }

    /// Reassignments and first assignments of a job, oldest first.
    public func jobAssignments(jobID: RowID) throws -> [JobAssignment] {
        try dbPool.read { db in
            try Persistence.fetchAll(JobAssignment.self, db, where: "job_id = ? ORDER BY at, id", arguments: [jobID])
        }
    }

    /// Seconds spent in each stage, from the stage history (the current stage counts up to `now`).
    public static func timeInStages(_ history: [StageChange], now: Date) -> [ROStage: TimeInterval] {
        var result: [ROStage: TimeInterval] = [:]
        for (i, change) in history.enumerated() {
            let end = i + 1 < history.count ? history[i + 1].at : now
            result[change.to, default: 0] += max(0, end.timeIntervalSince(change.at))
        }
        return result
    }
}

/// The board's SQL, public so the benchmark's `sqlite3` baseline runs exactly what the store runs. The
/// filter's values are inlined: ids are integers and stages come from `ROStage`, so no text is quoted.
public enum WaitingBoardSQL {
    /// One page of open orders with what the board shows of each.
    public static func page(filter: WaitingBoardFilter, sort: WaitingBoardSort, now: Date, offset: Int, limit: Int) -> String {
        let stageOrder = "CASE ro.stage " + ROStage.allCases.enumerated()
            .map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " END"
        let orderSQL: String = switch sort {
        case .risk: "risk_rank, ro.promised_at, ro.id"
        case .promised: "ro.promised_at, ro.id"
        case .stage: "\(stageOrder), ro.promised_at, ro.id"
        case .advisor: "advisor_name IS NULL, advisor_name, ro.promised_at, ro.id"
        case .timeInStage: "stage_since, ro.id"
        }
        return """
            SELECT ro.id, ro.number, ro.version, ro.stage, ro.repair_class, ro.opened_at, ro.promised_at,
                   ro.is_waiter, ro.advisor_id, ro.contact_phone, v.plate, c.name AS customer_name,
                   (SELECT phone FROM customer_phone p WHERE p.customer_id = c.id ORDER BY position LIMIT 1) AS primary_phone,
                   a.name AS advisor_name,
                   (SELECT group_concat(name, '、') FROM (SELECT DISTINCT s.name FROM job j JOIN staff s ON s.id = j.technician_id
                        WHERE j.repair_order_id = ro.id AND j.status IN ('pending', 'approved', 'awaitingApproval', 'done')
                        ORDER BY s.name)) AS technicians,
                   (SELECT max(at) FROM stage_change sc WHERE sc.repair_order_id = ro.id) AS stage_since,
                   (SELECT count(*) FROM delay_notice d WHERE d.repair_order_id = ro.id) AS delay_count,
                   \(risk(now: now)) AS risk_rank
            FROM \(openOrders)
            CROSS JOIN vehicle v ON v.id = ro.vehicle_id
            CROSS JOIN customer c ON c.id = ro.customer_id
            LEFT JOIN staff a ON a.id = ro.advisor_id
            WHERE \(conditions(filter))
            ORDER BY \(orderSQL)
            LIMIT \(max(1, limit)) OFFSET \(max(0, offset))
            """
    }

    /// The whole filtered board's size, missed promises and orders at risk.
    public static func count(filter: WaitingBoardFilter, now: Date) -> String {
        """
        SELECT count(*) AS total, coalesce(sum(r = 0), 0) AS missed, coalesce(sum(r = 1), 0) AS at_risk
        FROM (SELECT \(risk(now: now)) AS r FROM \(openOrders) WHERE \(conditions(filter)))
        """
    }

    /// Orders in QC, on hold or in progress show whether QC passed and the stage before the hold.
    public static func needsHistory(_ stage: ROStage) -> Bool {
        stage == .qualityCheck || stage == .onHold || stage == .inProgress
    }

    /// The stage history of those orders (`ids` are integers, inlined), each order's oldest first.
    public static func history(_ ids: [RowID]) -> String {
        "SELECT * FROM stage_change WHERE repair_order_id IN (\(ids.map(String.init).joined(separator: ", "))) "
            + "ORDER BY repair_order_id, at, id"
    }

    /// Their quality checks, each order's oldest first.
    public static func checks(_ ids: [RowID]) -> String {
        "SELECT * FROM quality_check WHERE repair_order_id IN (\(ids.map(String.init).joined(separator: ", "))) "
            + "ORDER BY repair_order_id, at, id"
    }

    /// The open orders are a few hundred among years of delivered ones, but `sqlite_stat1` only knows the
    /// average rows per stage (a ninth of the table), so the planner scanned the vehicles and looked up
    /// their orders, or scanned every order (545 ms at 300,000 orders). The stage index is named and the
    /// orders come first in the join (CROSS JOIN keeps SQLite's join order): 200 index lookups.
    static let openOrders = "repair_order ro INDEXED BY repair_order_stage"

    static func conditions(_ filter: WaitingBoardFilter) -> String {
        // IN over the open stages (not NOT IN the closed ones) so the stage index skips years of history.
        let open = ROStage.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var conditions = ["ro.stage IN (\(open))"]
        if let advisor = filter.advisorID { conditions.append("ro.advisor_id = \(advisor)") }
        if let stage = filter.stage { conditions.append("ro.stage = '\(stage.rawValue)'") }
        if filter.waitersOnly { conditions.append("ro.is_waiter = 1") }
        return conditions.joined(separator: " AND ")
    }

    /// 0 missed, 1 at risk, 2 on track: `PromiseRisk`'s rule over integer milliseconds.
    static func risk(now: Date) -> String {
        let nowMS = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let ms = { (column: String) in "CAST(round((julianday(\(column)) - 2440587.5) * 86400000) AS INTEGER)" }
        return """
            CASE WHEN \(ms("ro.promised_at")) <= \(nowMS) THEN 0
                 WHEN \(ms("ro.promised_at")) - \(nowMS) < \(Int64(PromiseRisk.warningWindow * 1000)) THEN 1
                 WHEN ro.stage = 'checkedIn'
                      AND (\(nowMS) - \(ms("ro.opened_at"))) * 4 > \(ms("ro.promised_at")) - \(ms("ro.opened_at")) THEN 1
                 ELSE 2 END
            """
    }
}
