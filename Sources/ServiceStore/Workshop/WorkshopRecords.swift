import Foundation
import GRDB
import ServiceDomain

extension QualityCheck: StoredRecord {
    static let table = "quality_check"

    init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), repairOrderID: try row.decode(forColumn: "repair_order_id"),
                  inspectorID: try row.decode(forColumn: "inspector_id"),
                  inspectorName: try row.decode(forColumn: "inspector_name"),
                  passed: try row.decode(forColumn: "passed"), at: try row.decode(forColumn: "at"),
                  note: try row.decode(forColumn: "note"))
    }

    var columns: [(String, DatabaseValue)] {
        [("repair_order_id", dbValue(repairOrderID)), ("inspector_id", dbValue(inspectorID)),
         ("inspector_name", dbValue(inspectorName)), ("passed", dbValue(passed)), ("at", dbValue(at)),
         ("note", dbValue(note))]
    }
}

extension JobAssignment: StoredRecord {
    static let table = "job_assignment"

    init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), jobID: try row.decode(forColumn: "job_id"),
                  fromTechnicianID: try row.decode(forColumn: "from_technician_id"),
                  toTechnicianID: try row.decode(forColumn: "to_technician_id"),
                  reason: try row.decode(forColumn: "reason"), at: try row.decode(forColumn: "at"),
                  operatorID: try row.decode(forColumn: "operator_id"))
    }

    var columns: [(String, DatabaseValue)] {
        [("job_id", dbValue(jobID)), ("from_technician_id", dbValue(fromTechnicianID)),
         ("to_technician_id", dbValue(toTechnicianID)), ("reason", dbValue(reason)), ("at", dbValue(at)),
         ("operator_id", dbValue(operatorID))]
    }
}

extension DelayNotice: StoredRecord {
    static let table = "delay_notice"

    init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), repairOrderID: try row.decode(forColumn: "repair_order_id"),
                  oldPromisedAt: try row.decode(forColumn: "old_promised_at"),
                  newPromisedAt: try row.decode(forColumn: "new_promised_at"), at: try row.decode(forColumn: "at"),
                  operatorID: try row.decode(forColumn: "operator_id"), note: try row.decode(forColumn: "note"))
    }

    var columns: [(String, DatabaseValue)] {
        [("repair_order_id", dbValue(repairOrderID)), ("old_promised_at", dbValue(oldPromisedAt)),
         ("new_promised_at", dbValue(newPromisedAt)), ("at", dbValue(at)), ("operator_id", dbValue(operatorID)),
         ("note", dbValue(note))]
    }
}

/// How one checklist item ended at a delivery, as stored.
public struct DeliveryCheckRecord: Sendable, Equatable {
    public var repairOrderID: RowID
    public var itemKey: String
    public var itemLabel: String
    /// `done` or `overridden`.
    public var state: String
    public var note: String
    public var operatorID: RowID?
    public var at: Date
}
