import Foundation

/// One quality check of a repair order: who inspected it, when, and whether it passed.
/// Chinese repair regulations require a QC sheet with the inspector's name for level-2 maintenance and
/// whole-vehicle or major assembly repairs; the shop records it for every order that goes through QC.
public struct QualityCheck: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var repairOrderID: RowID
    public var inspectorID: RowID?
    /// Kept as text too: the sheet must still name the inspector if the staff record changes.
    public var inspectorName: String
    public var passed: Bool
    public var at: Date
    public var note: String

    public init(id: RowID? = nil, repairOrderID: RowID, inspectorID: RowID?, inspectorName: String, passed: Bool,
                at: Date, note: String = "") {
        self.id = id
        self.repairOrderID = repairOrderID
        self.inspectorID = inspectorID
        self.inspectorName = inspectorName
        self.passed = passed
        self.at = at
        self.note = note
    }
}

public enum QCRules {
    /// True when the order's current round of work has passed QC: the latest check is a pass and it was
    /// recorded after the order last entered the quality-check stage (a pass from an earlier round does not
    /// cover work done since).
    public static func isPassed(checks: [QualityCheck], history: [StageChange]) -> Bool {
        guard let latest = checks.max(by: { a, b in a.at != b.at ? a.at < b.at : (a.id ?? 0) < (b.id ?? 0) }),
              latest.passed else { return false }
        guard let enteredQC = history.filter({ $0.to == .qualityCheck }).map(\.at).max() else { return false }
        return latest.at >= enteredQC
    }

    /// True when the latest check failed: the car cannot be ready or delivered, whatever its class, until a
    /// later check passes.
    public static func hasOutstandingFailure(checks: [QualityCheck]) -> Bool {
        guard let latest = checks.max(by: { a, b in a.at != b.at ? a.at < b.at : (a.id ?? 0) < (b.id ?? 0) }) else {
            return false
        }
        return !latest.passed
    }

    /// The shop setting that makes QC mandatory for every order, on top of the classes the law names.
    public static let requiredForAllSettingKey = "qc.requiredForAll"

    public static func requiredForAll(fromSetting text: String?) -> Bool {
        guard let t = text?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(t)
    }

    /// Whether an order of this class needs a passed QC before pickup.
    public static func isMandatory(_ repairClass: RepairClass, requiredForAll: Bool) -> Bool {
        requiredForAll || ROLifecycle.isQCMandatory(repairClass)
    }

    /// Who may sign the QC sheet: an active workshop lead (or a role above), or an active technician who did
    /// none of the work on this order (nobody checks their own work).
    public static func mayInspect(_ staff: Staff, workTechnicians: Set<RowID>) -> Bool {
        guard staff.isActive else { return false }
        if staff.roles.contains(where: { $0.permissions.contains(.qualityCheck) }) { return true }
        guard staff.roles.contains(.technician), let id = staff.id else { return false }
        return !workTechnicians.contains(id)
    }

    public static func checkInspector(_ staff: Staff, workTechnicians: Set<RowID>) throws {
        guard mayInspect(staff, workTechnicians: workTechnicians) else {
            let own = staff.id.map(workTechnicians.contains) ?? false
            throw QCError(message: own
                ? Message(zh: "\(staff.name) 做了这台车的维修，不能自己质检；请选车间主管或其他技师",
                          en: "\(staff.name) worked on this car and cannot inspect it; pick a lead or another technician")
                : Message(zh: "\(staff.name) 不是车间主管或技师，不能质检",
                          en: "\(staff.name) is not a workshop lead or technician and cannot inspect"))
        }
    }

    /// Refuses a QC record when the order is not in the quality-check stage or nobody on staff inspects.
    public static func checkCanRecord(stage: ROStage, inspectorID: RowID?, passed: Bool, note: String) throws {
        guard stage == .qualityCheck else {
            throw QCError(message: Message(
                zh: "只有“质检”状态的工单可以登记质检结果（当前：\(stage.label.zh)）",
                en: "QC results can be recorded only for an order in quality check (now: \(stage.label.en.lowercased()))"))
        }
        guard inspectorID != nil else {
            throw QCError(message: Message(
                zh: "质检员必须是在册员工：请用员工账号登录后再登记",
                en: "The inspector must be a staff member: sign in with a staff login to record QC"))
        }
        if !passed && FreeText.sanitize(note).isEmpty {
            throw QCError(message: Message(zh: "质检不合格必须填写原因", en: "A failed QC needs a reason"))
        }
    }
}

public struct QCError: UserFacingError, Equatable {
    public let message: Message
    public init(message: Message) { self.message = message }
}
