import Foundation

/// A technician put on a job (or moved off it), kept so the lead can see who did what and why it changed.
public struct JobAssignment: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var jobID: RowID
    public var fromTechnicianID: RowID?
    public var toTechnicianID: RowID
    public var reason: String
    public var at: Date
    public var operatorID: RowID?

    public init(id: RowID? = nil, jobID: RowID, fromTechnicianID: RowID?, toTechnicianID: RowID, reason: String,
                at: Date, operatorID: RowID?) {
        self.id = id
        self.jobID = jobID
        self.fromTechnicianID = fromTechnicianID
        self.toTechnicianID = toTechnicianID
        self.reason = reason
        self.at = at
        self.operatorID = operatorID
    }
}

public struct DispatchError: UserFacingError, Equatable {
    public let message: Message
    public init(message: Message) { self.message = message }
}

/// Who may be put on a job, when a reason is needed, and what must be settled before work moves on.
public enum DispatchRules {
    /// Jobs that are still part of the work (declined work is not done; finished work is not reassigned).
    public static func isOpenWork(_ job: Job) -> Bool {
        job.status == .pending || job.status == .approved
    }

    /// Only active staff with the technician role take jobs.
    public static func checkTechnician(_ staff: Staff) throws {
        guard staff.isActive, staff.roles.contains(.technician) else {
            throw DispatchError(message: Message(
                zh: "\(staff.name) 不是在岗技师，不能派工",
                en: "\(staff.name) is not an active technician and cannot be assigned"))
        }
    }

    /// Moving a job from one technician to another needs a reason; a first assignment does not.
    public static func checkReassign(job: Job, to technicianID: RowID, reason: String) throws {
        guard let current = job.technicianID, current != technicianID else { return }
        guard !FreeText.sanitize(reason).isEmpty else {
            throw DispatchError(message: Message(
                zh: "改派技师必须填写原因（工单项目：\(job.description)）",
                en: "Reassigning a technician needs a reason (job: \(job.description))"))
        }
    }

    /// Dispatching needs work on the order and a technician on every job still to do.
    public static func checkDispatchable(jobs: [Job]) throws {
        let open = jobs.filter(isOpenWork)
        guard !open.isEmpty else {
            throw DispatchError(message: Message(
                zh: "工单没有待做的项目，不能派工", en: "The order has no work to do; nothing to dispatch"))
        }
        if let unassigned = open.first(where: { $0.technicianID == nil }) {
            throw DispatchError(message: Message(
                zh: "项目“\(unassigned.description)”还没有技师，派工前请为每个项目指定技师",
                en: "Job \"\(unassigned.description)\" has no technician; assign one to every job before dispatch"))
        }
    }

    /// Work cannot be called finished while the customer has not answered about additional work.
    public static func checkWorkFinished(jobs: [Job]) throws {
        if let waiting = jobs.first(where: { $0.status == .awaitingApproval }) {
            throw DispatchError(message: Message(
                zh: "增项“\(waiting.description)”还在等客户确认，请先记录客户同意或拒绝",
                en: "Additional work \"\(waiting.description)\" still awaits the customer's answer; "
                    + "record approved or declined first"))
        }
    }

    /// The customer's answer on additional work found in the workshop.
    public static func checkDecision(job: Job, approved: Bool) throws {
        guard job.isAdditional, job.status == .awaitingApproval else {
            throw DispatchError(message: Message(
                zh: "只有等待客户确认的增项可以记录同意或拒绝",
                en: "Only additional work awaiting the customer's answer can be approved or declined"))
        }
    }
}
