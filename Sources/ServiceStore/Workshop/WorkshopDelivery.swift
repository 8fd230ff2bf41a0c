import Foundation
import GRDB
import ServiceDomain



extension AppDatabase {
    public func deliveryChecklistItems() throws -> [DeliveryItem] {
        try DeliveryChecklist.items(fromSetting: try setting(key: DeliveryChecklist.settingKey))
    }

    public func callbackWindowHours() throws -> Int {
        try DeliveryChecklist.callbackWindowHours(fromSetting: try setting(key: DeliveryChecklist.callbackWindowSettingKey))
    }

    public func deliveryContext(roID: RowID, operator op: Operator) throws -> DeliveryContext? {
        let items = try deliveryChecklistItems()
        let window = try callbackWindowHours()
        return try dbPool.read { db in try Self.deliveryContext(db, roID: roID, items: items, window: window, op: op) }
    }

    static func deliveryContext(_ db: Database, roID: RowID, items: [DeliveryItem], window: Int,
                                op: Operator) throws -> DeliveryContext? {
        guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else { return nil }
        let vehicle = try Persistence.fetch(Vehicle.self, db, id: order.vehicleID)
        let customer = try CustomerPhones.customer(db, id: order.customerID)
        let advisor = try order.advisorID.flatMap { try Persistence.fetch(Staff.self, db, id: $0) }
        let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
        let checks = try Persistence.fetchAll(QualityCheck.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                              arguments: [roID])
        let history = try Persistence.fetchAll(StageChange.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                               arguments: [roID])
        let amounts = DeliveryChecklist.finalAmounts(jobs: jobs)
        let staff = try op.staffID.flatMap { try Persistence.fetch(Staff.self, db, id: $0) }
        return DeliveryContext(order: order, plate: vehicle?.plate ?? "", model: vehicle?.model ?? "",
                               customerName: customer?.name ?? "", advisorName: advisor?.name ?? "", jobs: jobs,
                               checks: checks, qcPassed: QCRules.isPassed(checks: checks, history: history),
                               items: items,
                               finalLabour: order.stage == .delivered ? order.finalLabour ?? amounts.labour : amounts.labour,
                               finalParts: order.stage == .delivered ? order.finalParts ?? amounts.parts : amounts.parts, callbackWindowHours: window,
                               operatorMayOverride: DeliveryChecklist.mayOverride(staff),
                               qcFailed: QCRules.hasOutstandingFailure(checks: checks),
                               qcRequiredForAll: try qcRequiredForAll(db))
    }

    /// Delivers an order ready for pickup: checks the checklist gate (overrides only by a manager, audited),
    /// records the final amounts (from the jobs, unless already set) and the delivered time, keeps how each
    /// item ended, and schedules the follow-up call `callbackWindowHours` later, all in one transaction.
    public func deliver(roID: RowID, version: Int, ticked: [String: DeliveryItemState], shopName: String,
                        operator op: Operator, now: Date) throws -> DeliveryResult {
        let items = try deliveryChecklistItems()
        let window = try callbackWindowHours()
        let callingHours = try followUpSettings().callingHours
        var cleanTicks: [String: DeliveryItemState] = [:]
        for (key, state) in ticked {
            switch state {
            case .done: cleanTicks[key] = .done
            case .doneWithNote(let note):
                cleanTicks[key] = .doneWithNote(try FreeText.clean(note, field: .notes, maxLength: 200))
            case .overridden(let reason):
                cleanTicks[key] = .overridden(reason: try FreeText.clean(reason, field: .reason, maxLength: 200))
            }
        }
        return try write { db in
            guard let context = try Self.deliveryContext(db, roID: roID, items: items, window: window, op: op) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            var order = context.order
            guard order.version == version else { throw try conflictError(db, entity: RepairOrder.table, id: roID) }
            guard order.stage == .readyForPickup else {
                throw StoreError.notAllowed(Message(
                    zh: "只有“待交车”的工单可以交车（当前：\(order.stage.label.zh)）",
                    en: "Only an order ready for pickup can be delivered (now: \(order.stage.label.en.lowercased()))"))
            }
            let overridden = cleanTicks.filter { if case .overridden = $0.value { return true } else { return false } }
            if !overridden.isEmpty && !context.operatorMayOverride {
                throw DeliveryError(message: DeliveryChecklist.overrideRefused)
            }
            let final = context.finalLabour + context.finalParts
            guard context.jobs.contains(where: WorkLines.isCharged) else {
                throw DeliveryError(message: Message(
                    zh: "工单上没有完成的项目：请先在看板上添加所做的工作", en: "The order has no work done on it; add the work first"))
            }
            let result = try DeliveryChecklist.gate(
                items: items, ticked: cleanTicks, jobs: context.jobs, repairClass: order.repairClass,
                qcPassed: context.qcPassed, finalTotal: final, estimateTotal: order.estimateTotal,
                qcFailed: context.qcFailed, qcRequiredForAll: context.qcRequiredForAll)
            order.finalLabour = context.finalLabour
            order.finalParts = context.finalParts
            order = try saveVersioned(db, order, operator: op, now: now).saved
            order = try moveStage(db, order: order, to: .delivered, note: "", operator: op, now: now)
            for item in items {
                guard let state = result[item.key] else { continue }
                let (stored, note): (String, String) = switch state {
                case .done: ("done", "")
                case .doneWithNote(let n): ("done", n)
                case .overridden(let reason): ("overridden", reason)
                }
                try db.execute(sql: """
                    INSERT INTO delivery_check (repair_order_id, item_key, item_label, state, note, operator_id, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [roID, item.key, item.label.zh + " / " + item.label.en, stored, note, op.staffID, now])
                if stored == "overridden" {
                    try Audit.append(db, operator: op, at: now, action: "deliveryOverride", entity: RepairOrder.table,
                                     entityID: roID, detail: ["item": .string(item.key), "reason": .string(note)])
                }
            }
            let callback = try saveVersioned(
                db, Callback(repairOrderID: roID, kind: .afterDelivery,
                             dueAt: try Self.callDue(db, repairOrderID: roID, at: now.addingTimeInterval(Double(window) * 3600),
                                                     hours: callingHours, fallbackZone: timeZone)),
                operator: op, now: now).saved
            let summary = DeliverySummary.text(
                .init(shopName: shopName, order: order, plate: context.plate, model: context.model,
                      customerName: context.customerName, advisorName: context.advisorName, jobs: context.jobs,
                      qc: context.checks.last, deliveredAt: now, callbackDueAt: callback.dueAt),
                timeZone: timeZone)
            return DeliveryResult(order: order, callback: callback, summary: summary)
        }
    }

    /// How each checklist item ended at the order's delivery, in the order they were saved.
    public func deliveryChecks(roID: RowID) throws -> [DeliveryCheckRecord] {
        try dbPool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM delivery_check WHERE repair_order_id = ? ORDER BY id",
                             arguments: [roID]).map { row in
                DeliveryCheckRecord(repairOrderID: row["repair_order_id"], itemKey: row["item_key"],
                                    itemLabel: row["item_label"], state: row["state"], note: row["note"],
                                    operatorID: row["operator_id"], at: row["at"])
            }
        }
    }
}
