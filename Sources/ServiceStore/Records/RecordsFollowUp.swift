import Foundation
import GRDB
import ServiceDomain

extension Appointment: VersionedRecord {
    static let table = "appointment"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            customerID: try row.decode(forColumn: "customer_id"),
            vehicleID: try row.decode(forColumn: "vehicle_id"),
            slotStart: try row.decode(forColumn: "slot_start"),
            lane: try row.enumValue("lane", in: Self.table),
            serviceType: try row.enumValue("service_type", in: Self.table),
            concerns: try row.decode(forColumn: "concerns"),
            isWaiter: try row.decode(forColumn: "is_waiter"),
            status: try row.enumValue("status", in: Self.table),
            capacityOverrideReason: try row.decode(forColumn: "capacity_override_reason"),
            advisorID: try row.decode(forColumn: "advisor_id"),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("customer_id", dbValue(customerID)),
            ("vehicle_id", dbValue(vehicleID)),
            ("slot_start", dbValue(slotStart)),
            ("lane", dbValue(lane.rawValue)),
            ("service_type", dbValue(serviceType.rawValue)),
            ("concerns", dbValue(concerns)),
            ("is_waiter", dbValue(isWaiter)),
            ("status", dbValue(status.rawValue)),
            ("capacity_override_reason", dbValue(capacityOverrideReason)),
            ("advisor_id", dbValue(advisorID)),
        ]
    }
}

extension Callback: VersionedRecord {
    static let table = "callback"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            repairOrderID: try row.decode(forColumn: "repair_order_id"),
            kind: try row.enumValue("kind", in: Self.table),
            dueAt: try row.decode(forColumn: "due_at"),
            status: try row.enumValue("status", in: Self.table),
            attempts: try row.decode(forColumn: "attempts"),
            completedAt: try row.decode(forColumn: "completed_at"),
            nextTryAt: try row.decode(forColumn: "next_try_at"),
            satisfaction: try row.decode(forColumn: "satisfaction"),
            messageSentAt: try row.decode(forColumn: "message_sent_at"),
            messageSentByID: try row.decode(forColumn: "message_sent_by"),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("repair_order_id", dbValue(repairOrderID)),
            ("kind", dbValue(kind.rawValue)),
            ("due_at", dbValue(dueAt)),
            ("status", dbValue(status.rawValue)),
            ("attempts", dbValue(attempts)),
            ("completed_at", dbValue(completedAt)),
            ("next_try_at", dbValue(nextTryAt)),
            ("satisfaction", dbValue(satisfaction)),
            ("message_sent_at", dbValue(messageSentAt)),
            ("message_sent_by", dbValue(messageSentByID)),
        ]
    }
}

extension CallAttempt: StoredRecord {
    static let table = "call_attempt"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            callbackID: try row.decode(forColumn: "callback_id"),
            at: try row.decode(forColumn: "at"),
            outcome: try row.enumValue("outcome", in: Self.table),
            callerID: try row.decode(forColumn: "caller_id"),
            note: try row.decode(forColumn: "note"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("callback_id", dbValue(callbackID)),
            ("at", dbValue(at)),
            ("outcome", dbValue(outcome.rawValue)),
            ("caller_id", dbValue(callerID)),
            ("note", dbValue(note)),
        ]
    }
}

extension Complaint: VersionedRecord {
    static let table = "complaint"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            customerID: try row.decode(forColumn: "customer_id"),
            repairOrderID: try row.decode(forColumn: "repair_order_id"),
            category: try row.enumValue("category", in: Self.table),
            channel: try row.enumValue("channel", in: Self.table),
            step: try row.enumValue("step", in: Self.table),
            description: try row.decode(forColumn: "description"),
            ownerID: try row.decode(forColumn: "owner_id"),
            openedAt: try row.decode(forColumn: "opened_at"),
            firstContactAt: try row.decode(forColumn: "first_contact_at"),
            resolvedAt: try row.decode(forColumn: "resolved_at"),
            closedAt: try row.decode(forColumn: "closed_at"),
            closeReason: try row.decode(forColumn: "close_reason"),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("customer_id", dbValue(customerID)),
            ("repair_order_id", dbValue(repairOrderID)),
            ("category", dbValue(category.rawValue)),
            ("channel", dbValue(channel.rawValue)),
            ("step", dbValue(step.rawValue)),
            ("description", dbValue(description)),
            ("owner_id", dbValue(ownerID)),
            ("opened_at", dbValue(openedAt)),
            ("first_contact_at", dbValue(firstContactAt)),
            ("resolved_at", dbValue(resolvedAt)),
            ("closed_at", dbValue(closedAt)),
            ("close_reason", dbValue(closeReason)),
        ]
    }
}

extension Comeback: VersionedRecord {
    static let table = "comeback"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            earlierRepairOrderID: try row.decode(forColumn: "earlier_repair_order_id"),
            laterRepairOrderID: try row.decode(forColumn: "later_repair_order_id"),
            source: try row.enumValue("source", in: Self.table),
            status: try row.enumValue("status", in: Self.table),
            rootCause: try row.optionalEnumValue("root_cause", in: Self.table),
            responsibleTechnicianID: try row.decode(forColumn: "responsible_technician_id"),
            decidedByID: try row.decode(forColumn: "decided_by_id"),
            decidedAt: try row.decode(forColumn: "decided_at"),
            reason: try row.decode(forColumn: "reason"),
            createdAt: try row.decode(forColumn: "created_at"),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("earlier_repair_order_id", dbValue(earlierRepairOrderID)),
            ("later_repair_order_id", dbValue(laterRepairOrderID)),
            ("source", dbValue(source.rawValue)),
            ("status", dbValue(status.rawValue)),
            ("root_cause", dbValue(rootCause?.rawValue)),
            ("responsible_technician_id", dbValue(responsibleTechnicianID)),
            ("decided_by_id", dbValue(decidedByID)),
            ("decided_at", dbValue(decidedAt)),
            ("reason", dbValue(reason)),
            ("created_at", dbValue(createdAt)),
        ]
    }
}
