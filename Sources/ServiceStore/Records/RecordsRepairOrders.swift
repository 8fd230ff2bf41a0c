import Foundation
import GRDB
import ServiceDomain

extension RepairOrder: VersionedRecord {
    static let table = "repair_order"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            number: try row.decode(forColumn: "number"),
            customerID: try row.decode(forColumn: "customer_id"),
            vehicleID: try row.decode(forColumn: "vehicle_id"),
            advisorID: try row.decode(forColumn: "advisor_id"),
            appointmentID: try row.decode(forColumn: "appointment_id"),
            serviceType: try row.enumValue("service_type", in: Self.table),
            repairClass: try row.enumValue("repair_class", in: Self.table),
            stage: try row.enumValue("stage", in: Self.table),
            openedAt: try row.decode(forColumn: "opened_at"),
            promisedAt: try row.decode(forColumn: "promised_at"),
            closedAt: try row.decode(forColumn: "closed_at"),
            mileageIn: try row.decode(forColumn: "mileage_in"),
            fuelLevel: try row.enumValue("fuel_level", in: Self.table),
            isWaiter: try row.decode(forColumn: "is_waiter"),
            walkAroundNotes: try row.decode(forColumn: "walk_around_notes"),
            contactPhone: try row.decode(forColumn: "contact_phone"),
            preferredCallbackTime: try row.decode(forColumn: "preferred_callback_time"),
            estimateLabour: try row.fen("estimate_labour"),
            estimateParts: try row.fen("estimate_parts"),
            finalLabour: try row.optionalFen("final_labour"),
            finalParts: try row.optionalFen("final_parts"),
            checkInSeconds: try row.decode(forColumn: "check_in_seconds"),
            holdReason: try row.decode(forColumn: "hold_reason"),
            cancelReason: try row.decode(forColumn: "cancel_reason"),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("number", dbValue(number)),
            ("customer_id", dbValue(customerID)),
            ("vehicle_id", dbValue(vehicleID)),
            ("advisor_id", dbValue(advisorID)),
            ("appointment_id", dbValue(appointmentID)),
            ("service_type", dbValue(serviceType.rawValue)),
            ("repair_class", dbValue(repairClass.rawValue)),
            ("stage", dbValue(stage.rawValue)),
            ("opened_at", dbValue(openedAt)),
            ("promised_at", dbValue(promisedAt)),
            ("closed_at", dbValue(closedAt)),
            ("mileage_in", dbValue(mileageIn)),
            ("fuel_level", dbValue(fuelLevel.rawValue)),
            ("is_waiter", dbValue(isWaiter)),
            ("walk_around_notes", dbValue(walkAroundNotes)),
            ("contact_phone", dbValue(contactPhone)),
            ("preferred_callback_time", dbValue(preferredCallbackTime)),
            ("estimate_labour", dbValue(estimateLabour)),
            ("estimate_parts", dbValue(estimateParts)),
            ("final_labour", dbValue(finalLabour)),
            ("final_parts", dbValue(finalParts)),
            ("check_in_seconds", dbValue(checkInSeconds)),
            ("hold_reason", dbValue(holdReason)),
            ("cancel_reason", dbValue(cancelReason)),
        ]
    }
}

extension Concern: StoredRecord {
    static let table = "concern"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            repairOrderID: try row.decode(forColumn: "repair_order_id"),
            text: try row.decode(forColumn: "text"),
            category: try row.enumValue("category", in: Self.table))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("repair_order_id", dbValue(repairOrderID)),
            ("text", dbValue(text)),
            ("category", dbValue(category.rawValue)),
        ]
    }
}

extension Job: StoredRecord {
    static let table = "job"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            repairOrderID: try row.decode(forColumn: "repair_order_id"),
            description: try row.decode(forColumn: "description"),
            technicianID: try row.decode(forColumn: "technician_id"),
            status: try row.enumValue("status", in: Self.table),
            isAdditional: try row.decode(forColumn: "is_additional"),
            labour: try row.fen("labour"),
            parts: try row.fen("parts"),
            labourHours: try row.decode(forColumn: "labour_hours"),
            approvalMethod: try row.optionalEnumValue("approval_method", in: Self.table),
            decidedByID: try row.decode(forColumn: "decided_by_id"),
            decidedAt: try row.decode(forColumn: "decided_at"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("repair_order_id", dbValue(repairOrderID)),
            ("description", dbValue(description)),
            ("technician_id", dbValue(technicianID)),
            ("status", dbValue(status.rawValue)),
            ("is_additional", dbValue(isAdditional)),
            ("labour", dbValue(labour)),
            ("parts", dbValue(parts)),
            ("labour_hours", dbValue(labourHours)),
            ("approval_method", dbValue(approvalMethod?.rawValue)),
            ("decided_by_id", dbValue(decidedByID)),
            ("decided_at", dbValue(decidedAt)),
        ]
    }
}

extension StageChange: StoredRecord {
    static let table = "stage_change"

    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            repairOrderID: try row.decode(forColumn: "repair_order_id"),
            from: try row.optionalEnumValue("from_stage", in: Self.table),
            to: try row.enumValue("to_stage", in: Self.table),
            at: try row.decode(forColumn: "at"),
            operatorID: try row.decode(forColumn: "operator_id"),
            note: try row.decode(forColumn: "note"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("repair_order_id", dbValue(repairOrderID)),
            ("from_stage", dbValue(from?.rawValue)),
            ("to_stage", dbValue(to.rawValue)),
            ("at", dbValue(at)),
            ("operator_id", dbValue(operatorID)),
            ("note", dbValue(note)),
        ]
    }
}
