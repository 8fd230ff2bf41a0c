import Foundation

/// Why a repair order cannot move to the stage asked for.
public struct TransitionError: UserFacingError, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// The order is already in that stage.
        case sameStage
        /// Delivered and cancelled orders do not move.
        case closed
        /// The workshop flow has no such step.
        case notAllowed
        /// Putting on hold and cancelling need a reason.
        case reasonRequired
        /// The repair class needs a passed quality check first.
        case qcRequired
        /// An order on hold goes back to the stage it left.
        case notHeldStage
        /// The latest quality check failed: rework and a later passed check come first.
        case qcFailed
    }

    public let kind: Kind
    public let from: ROStage
    public let to: ROStage
    public let message: Message

    public init(kind: Kind, from: ROStage, to: ROStage, message: Message) {
        self.kind = kind
        self.from = from
        self.to = to
        self.message = message
    }
}

/// The workshop flow of a repair order:
/// checkedIn → dispatched → inProgress ⇄ waitingParts, inProgress → qualityCheck → washing → readyForPickup
/// → delivered. A failed QC goes back to inProgress, and blocks washing and pickup for every class until a
/// later check passes; a car ready for pickup may go back to inProgress (rework, with a reason); washing may be skipped. Classes without mandatory QC
/// may also go from inProgress straight to washing or readyForPickup. Any open stage may go on hold
/// (with a reason) and back to the stage it left, or be cancelled (with a reason).
public enum ROLifecycle {
    /// Classes whose QC is mandatory under the motor-vehicle repair regulations.
    public static let qcMandatoryClasses: Set<RepairClass> = [.level2Maintenance, .majorAssembly]

    public static func isQCMandatory(_ repairClass: RepairClass) -> Bool {
        qcMandatoryClasses.contains(repairClass)
    }

    /// True for the stages that need a reason to enter.
    public static func requiresReason(_ to: ROStage) -> Bool {
        to == .onHold || to == .cancelled
    }

    /// True for the moves that need a reason: hold, cancel, and rework of a car already ready for pickup.
    public static func requiresReason(from: ROStage, to: ROStage) -> Bool {
        requiresReason(to) || isRework(from: from, to: to)
    }

    /// A car ready for pickup sent back to the workshop.
    public static func isRework(from: ROStage, to: ROStage) -> Bool {
        from == .readyForPickup && to == .inProgress
    }

    /// Throws a `TransitionError` when an order of `repairClass` cannot move `from` → `to`.
    /// `qcPassed` tells whether a quality check has been passed; `reason` is the hold or cancel reason.
    /// `heldFrom` is the stage an order on hold left (see `stageBeforeHold`); when it is unknown an order
    /// on hold may resume at any working stage, still subject to the QC rule.
    /// `qcFailed`: the latest check failed (blocks the stages after QC for every class); `qcRequiredForAll`:
    /// the shop's setting that makes QC mandatory for every order.
    public static func check(from: ROStage, to: ROStage, repairClass: RepairClass, qcPassed: Bool, reason: String,
                             heldFrom: ROStage? = nil, qcFailed: Bool = false, qcRequiredForAll: Bool = false) throws {
        let mandatory = qcRequiredForAll || isQCMandatory(repairClass)
        if from == to {
            throw TransitionError(kind: .sameStage, from: from, to: to, message: Message(
                zh: "工单已经是“\(from.label.zh)”", en: "The order is already \(from.label.en.lowercased())"))
        }
        guard from.isOpen else {
            throw TransitionError(kind: .closed, from: from, to: to, message: Message(
                zh: "工单已\(from == .delivered ? "交车" : "取消")，不能再改状态",
                en: "The order is \(from.label.en.lowercased()); its stage cannot change"))
        }
        if requiresReason(to) {
            guard !FreeText.sanitize(reason).isEmpty else {
                throw TransitionError(kind: .reasonRequired, from: from, to: to, message: to == .onHold
                    ? Message(zh: "暂停工单必须填写原因", en: "A reason is required to put the order on hold")
                    : Message(zh: "取消工单必须填写原因", en: "A reason is required to cancel the order"))
            }
            return
        }
        if isRework(from: from, to: to) && FreeText.sanitize(reason).isEmpty {
            throw TransitionError(kind: .reasonRequired, from: from, to: to, message: Message(
                zh: "待交车的车辆返工必须填写原因", en: "Sending a car ready for pickup back to the workshop needs a reason"))
        }
        if from == .onHold {
            try checkResume(to: to, heldFrom: heldFrom)
        } else if mandatory && from == .inProgress && qcGatedStages.contains(to) {
            // Even with an earlier QC passed, new work must be checked again before the car moves on.
            throw qcRequired(from: from, to: to, repairClass: repairClass, forAll: qcRequiredForAll)
        } else if !flow[from, default: []].contains(to) {
            throw notAllowed(from: from, to: to, repairClass: repairClass)
        }
        if qcFailed && qcGatedStages.contains(to) {
            throw TransitionError(kind: .qcFailed, from: from, to: to, message: Message(
                zh: "质检不合格：返修后须再次质检合格才能\(to == .washing ? "洗车" : "待交车")",
                en: "QC failed: rework it and pass a later QC before \(to.label.en.lowercased())"))
        }
        if mandatory && !qcPassed && qcGatedStages.contains(to) {
            throw qcRequired(from: from, to: to, repairClass: repairClass, forAll: qcRequiredForAll)
        }
    }

    /// The stages an order may move to next (hold and cancel included; they also need a reason).
    public static func allowedTargets(from: ROStage, repairClass: RepairClass, qcPassed: Bool,
                                      heldFrom: ROStage? = nil, qcFailed: Bool = false) -> [ROStage] {
        ROStage.allCases.filter { to in
            (try? check(from: from, to: to, repairClass: repairClass, qcPassed: qcPassed, reason: "-",
                        heldFrom: heldFrom, qcFailed: qcFailed)) != nil
        }
    }

    /// The stage an order on hold left: the `from` of its latest change to `.onHold`.
    public static func stageBeforeHold(_ history: [StageChange]) -> ROStage? {
        let ordered = history.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }
        return ordered.last(where: { $0.element.to == .onHold })?.element.from
    }

    /// The ordinary next steps; hold, cancel and resume are handled separately.
    static let flow: [ROStage: Set<ROStage>] = [
        .checkedIn: [.dispatched],
        .dispatched: [.inProgress],
        .inProgress: [.waitingParts, .qualityCheck, .washing, .readyForPickup],
        .waitingParts: [.inProgress],
        .qualityCheck: [.inProgress, .washing, .readyForPickup],
        .washing: [.readyForPickup],
        .readyForPickup: [.delivered, .inProgress],
    ]

    /// Stages that come after QC: a class with mandatory QC reaches them only with a passed QC.
    static let qcGatedStages: Set<ROStage> = [.washing, .readyForPickup]

    /// Stages an order on hold can resume at when the stage it left is not known.
    private static let workingStages: Set<ROStage> = [
        .checkedIn, .dispatched, .inProgress, .waitingParts, .qualityCheck, .washing, .readyForPickup,
    ]

    private static func checkResume(to: ROStage, heldFrom: ROStage?) throws {
        if let heldFrom, heldFrom != to {
            throw TransitionError(kind: .notHeldStage, from: .onHold, to: to, message: Message(
                zh: "工单暂停前是“\(heldFrom.label.zh)”，恢复时应回到“\(heldFrom.label.zh)”",
                en: "The order was put on hold from \(heldFrom.label.en.lowercased()); it resumes there"))
        }
        guard workingStages.contains(to) else {
            throw TransitionError(kind: .notAllowed, from: .onHold, to: to, message: Message(
                zh: "暂停的工单不能直接改为“\(to.label.zh)”，请先恢复",
                en: "An order on hold cannot go straight to \(to.label.en.lowercased()); resume it first"))
        }
    }

    private static func qcRequired(from: ROStage, to: ROStage, repairClass: RepairClass,
                                   forAll: Bool = false) -> TransitionError {
        let zhTarget = to == .washing ? "洗车" : "待交车"
        if forAll && !isQCMandatory(repairClass) {
            return TransitionError(kind: .qcRequired, from: from, to: to, message: Message(
                zh: "本店要求所有工单先通过质检才能\(zhTarget)",
                en: "QC required before \(to.label.en.lowercased()): the shop requires QC for every order"))
        }
        return TransitionError(kind: .qcRequired, from: from, to: to, message: Message(
            zh: "\(repairClass.label.zh)必须先通过质检才能\(zhTarget)",
            en: "QC required before \(to.label.en.lowercased()): \(repairClass.label.en.lowercased())"))
    }

    private static func notAllowed(from: ROStage, to: ROStage, repairClass: RepairClass) -> TransitionError {
        let next = ROStage.allCases.filter { stage in
            flow[from, default: []].contains(stage)
                && !(isQCMandatory(repairClass) && from == .inProgress && qcGatedStages.contains(stage))
        }
        let zhNext = next.map { "“\($0.label.zh)”" }.joined(separator: "、")
        let enNext = next.map { $0.label.en.lowercased() }.joined(separator: ", ")
        return TransitionError(kind: .notAllowed, from: from, to: to, message: Message(
            zh: "“\(from.label.zh)”不能直接改为“\(to.label.zh)”，下一步可以是\(zhNext)",
            en: "\(from.label.en) cannot go straight to \(to.label.en.lowercased()); next can be \(enNext)"))
    }
}
