import Foundation

/// The shop's complaint timers (both shop settings).
public struct ComplaintSettings: Sendable, Equatable {
    public var firstContactHours = 24
    public var resolutionDays = 7

    public static let firstContactKey = "complaint.firstContactHours"
    public static let resolutionDaysKey = "complaint.resolutionDays"

    public init() {}

    public init(settings: [String: String]) {
        if let h = settings[Self.firstContactKey].flatMap({ Int($0) }), (1...168).contains(h) { firstContactHours = h }
        if let d = settings[Self.resolutionDaysKey].flatMap({ Int($0) }), (1...60).contains(d) { resolutionDays = d }
    }
}

/// How a complaint is closed: the customer confirmed, or an explicit reason why not.
public enum ComplaintClosing: Sendable, Equatable {
    case customerConfirmed
    case reason(String)
}

extension ComplaintStep {
    public var label: Message {
        switch self {
        case .acknowledged: Message(zh: "理解确认", en: "Acknowledged")
        case .registered: Message(zh: "登记", en: "Registered")
        case .handling: Message(zh: "处理中", en: "Handling")
        case .replied: Message(zh: "已答复", en: "Replied")
        case .escalated: Message(zh: "已升级", en: "Escalated")
        case .closed: Message(zh: "已关闭", en: "Closed")
        }
    }
}

extension ComplaintCategory {
    public var label: Message {
        switch self {
        case .repairQuality: Message(zh: "维修质量", en: "Repair quality")
        case .serviceAttitude: Message(zh: "服务态度", en: "Service attitude")
        case .priceOrBill: Message(zh: "价格/账单", en: "Price or bill")
        case .timeliness: Message(zh: "时效", en: "Timeliness")
        case .parts: Message(zh: "配件", en: "Parts")
        case .facilities: Message(zh: "设施", en: "Facilities")
        case .other: Message(zh: "其他", en: "Other")
        }
    }
}

extension ComplaintChannel {
    public var label: Message {
        switch self {
        case .callback: Message(zh: "回访", en: "Callback")
        case .phone: Message(zh: "电话", en: "Phone")
        case .walkIn: Message(zh: "到店", en: "Walk-in")
        case .online: Message(zh: "网络", en: "Online")
        }
    }
}

public struct ComplaintError: UserFacingError, Equatable {
    public let message: Message
    public init(_ message: Message) { self.message = message }

    public static func notAllowed(_ from: ComplaintStep, _ to: ComplaintStep) -> ComplaintError {
        ComplaintError(Message(zh: "投诉不能从“\(from.label.zh)”直接到“\(to.label.zh)”",
                               en: "A complaint cannot go from \(from.label.en.lowercased()) to \(to.label.en.lowercased())"))
    }
    public static let closeNeedsConfirmation = ComplaintError(Message(
        zh: "关闭投诉需要客户确认满意，或填写不经确认关闭的原因",
        en: "Closing a complaint needs the customer's confirmation, or a reason for closing without it"))
    public static let notOwner = ComplaintError(Message(
        zh: "此投诉由其他同事负责：请先由负责人转交给您", en: "Another colleague owns this complaint: ask them to hand it over first"))
    public static let alreadyOwned = ComplaintError(Message(
        zh: "此投诉已有负责人：请由负责人转交", en: "This complaint already has an owner: they hand it over"))
    public static let handoverNeedsNote = ComplaintError(Message(
        zh: "转交投诉需要填写交接说明", en: "Handing a complaint over needs a note for the new owner"))
    public static let escalationNeedsManager = ComplaintError(Message(
        zh: "已升级的投诉由服务经理处理：需要「服务经理」角色", en: "An escalated complaint is handled by the service manager: this needs the manager role"))
    public static let stepNeedsNote = ComplaintError(Message(
        zh: "请填写本步骤的说明（做了什么、怎么答复的）", en: "Enter a note for this step (what was done or said)"))
    public static let closed = ComplaintError(Message(zh: "投诉已关闭", en: "The complaint is already closed"))
}

/// The six steps of complaint handling, their timers and who may do what. Time is passed in.
public enum ComplaintRules {
    /// The customer must hear from us within this time after opening.
    public static func firstContactDue(_ c: Complaint, settings: ComplaintSettings) -> Date {
        c.openedAt.addingTimeInterval(Double(settings.firstContactHours) * 3600)
    }

    public static func resolutionDue(_ c: Complaint, settings: ComplaintSettings) -> Date {
        c.openedAt.addingTimeInterval(Double(settings.resolutionDays) * 86_400)
    }

    public static func isFirstContactOverdue(_ c: Complaint, now: Date, settings: ComplaintSettings) -> Bool {
        c.isOpen && c.firstContactAt == nil && now > firstContactDue(c, settings: settings)
    }

    public static func isResolutionOverdue(_ c: Complaint, now: Date, settings: ComplaintSettings) -> Bool {
        c.isOpen && c.resolvedAt == nil && now > resolutionDue(c, settings: settings)
    }

    /// Red on the panel and in the header.
    public static func isOverdue(_ c: Complaint, now: Date, settings: ComplaintSettings) -> Bool {
        isFirstContactOverdue(c, now: now, settings: settings) || isResolutionOverdue(c, now: now, settings: settings)
    }

    /// The steps that may follow `step`. Escalation sends it back to handling (by the manager).
    public static func nextSteps(from step: ComplaintStep) -> [ComplaintStep] {
        switch step {
        case .acknowledged: [.registered]
        case .registered: [.handling]
        case .handling: [.replied, .escalated]
        case .replied: [.closed, .escalated, .handling]
        case .escalated: [.handling, .replied]
        case .closed: []
        }
    }

    /// A new complaint. On the phone, at the counter or in the callback the customer is talking to us,
    /// so that is the first contact; an online complaint waits for ours. The person taking it owns it.
    public static func open(customerID: RowID, repairOrderID: RowID?, category: ComplaintCategory,
                            channel: ComplaintChannel, description: String, ownerID: RowID?, now: Date) -> Complaint {
        Complaint(customerID: customerID, repairOrderID: repairOrderID, category: category, channel: channel,
                  step: .acknowledged, description: description, ownerID: ownerID, openedAt: now,
                  firstContactAt: channel == .online ? nil : now)
    }

    /// Moves a complaint one step. Only the owner records steps (anyone may take an unowned one first);
    /// an escalated complaint is moved on by a manager. Closing needs the customer's confirmation or a reason.
    public static func advance(_ complaint: Complaint, to step: ComplaintStep, note: String, closing: ComplaintClosing?,
                               category: ComplaintCategory? = nil, operatorID: RowID?, roles: Set<Role>,
                               now: Date) throws -> Complaint {
        guard complaint.isOpen else { throw ComplaintError.closed }
        guard nextSteps(from: complaint.step).contains(step) else { throw ComplaintError.notAllowed(complaint.step, step) }
        if complaint.step == .escalated {
            guard mayHandleEscalated(roles) else { throw ComplaintError.escalationNeedsManager }
        } else if let owner = complaint.ownerID, owner != operatorID {
            throw ComplaintError.notOwner
        }
        var c = complaint
        if c.ownerID == nil { c.ownerID = operatorID }
        if let category { c.category = category }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if [.handling, .replied, .escalated].contains(step), trimmed.isEmpty { throw ComplaintError.stepNeedsNote }
        if step == .closed {
            switch closing {
            case .customerConfirmed?: break
            case .reason(let r)? where !r.trimmingCharacters(in: .whitespaces).isEmpty:
                c.closeReason = r.trimmingCharacters(in: .whitespaces)
            default: throw ComplaintError.closeNeedsConfirmation
            }
            c.closedAt = now
            c.resolvedAt = c.resolvedAt ?? now
        }
        if c.firstContactAt == nil { c.firstContactAt = now }
        c.step = step
        return c
    }

    /// The first person to take an unowned complaint owns it.
    public static func take(_ complaint: Complaint, operatorID: RowID) throws -> Complaint {
        guard complaint.isOpen else { throw ComplaintError.closed }
        guard complaint.ownerID == nil || complaint.ownerID == operatorID else { throw ComplaintError.alreadyOwned }
        var c = complaint
        c.ownerID = operatorID
        return c
    }

    /// The owner (or a manager) hands the complaint to someone else, with a note.
    public static func handOver(_ complaint: Complaint, to newOwner: RowID, note: String, operatorID: RowID?,
                                roles: Set<Role>) throws -> Complaint {
        guard complaint.isOpen else { throw ComplaintError.closed }
        guard complaint.ownerID == nil || complaint.ownerID == operatorID || mayHandleEscalated(roles) else {
            throw ComplaintError.notOwner
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ComplaintError.handoverNeedsNote }
        var c = complaint
        c.ownerID = newOwner
        return c
    }

    /// Advisors call and handle complaints; escalations belong to the service manager.
    public static func mayHandleEscalated(_ roles: Set<Role>) -> Bool {
        roles.contains(.manager) || roles.contains(.admin)
    }
}
