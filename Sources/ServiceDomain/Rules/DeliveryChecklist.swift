import Foundation

/// One step of handing the car back. `key` is stable (stored with each delivery); the label is shown.
public struct DeliveryItem: Sendable, Equatable, Hashable {
    public enum Check: String, Sendable, Codable {
        /// The advisor ticks it with the customer.
        case manual
        /// Decided from the data: every job done and QC passed where required.
        case workAndQC
        /// Decided from the data when the final amount equals the estimate; otherwise the advisor records
        /// the difference the customer approved.
        case amountMatchesEstimate
    }

    public var key: String
    public var label: Message
    public var check: Check

    public init(key: String, label: Message, check: Check = .manual) {
        self.key = key
        self.label = label
        self.check = check
    }
}

/// How one item ended at delivery.
public enum DeliveryItemState: Sendable, Equatable {
    case done
    /// Confirmed with a note (the customer-approved amount difference).
    case doneWithNote(String)
    /// Missing, let through by a manager with a reason.
    case overridden(reason: String)
}

public struct DeliveryError: UserFacingError, Equatable {
    public let message: Message
    /// Items still missing, in checklist order.
    public let missing: [String]
    public init(message: Message, missing: [String] = []) {
        self.message = message
        self.missing = missing
    }
}

/// The delivery checklist: the default items, a shop's own list, and the gate before "delivered".
public enum DeliveryChecklist {
    public static let defaultItems: [DeliveryItem] = [
        DeliveryItem(key: "workAndQC", label: Message(zh: "所有项目完工，质检合格", en: "All jobs done and QC passed"),
                     check: .workAndQC),
        DeliveryItem(key: "cleaned", label: Message(zh: "车辆已清洁，三件套已取下",
                                                    en: "Car cleaned, protective covers removed")),
        DeliveryItem(key: "oldParts", label: Message(zh: "旧件已展示或交还", en: "Old parts shown or returned")),
        DeliveryItem(key: "explained", label: Message(zh: "逐项解释维修内容和费用",
                                                      en: "Work and charges explained line by line")),
        DeliveryItem(key: "amount", label: Message(zh: "结算金额与预估一致，或差额已经客户同意",
                                                   en: "Final amount equals the estimate, or the difference is approved"),
                     check: .amountMatchesEstimate),
        DeliveryItem(key: "nextService", label: Message(zh: "已告知下次保养日期和里程",
                                                        en: "Next maintenance date and mileage told")),
        DeliveryItem(key: "personalItems", label: Message(zh: "已核对车内个人物品", en: "Personal items checked")),
        DeliveryItem(key: "followUp", label: Message(zh: "已与客户确认回访时间和电话",
                                                     en: "Follow-up call time and phone confirmed")),
        DeliveryItem(key: "contact", label: Message(zh: "已告知顾问联系方式", en: "How to reach the advisor told")),
    ]

    /// The shop setting holding its own list.
    public static let settingKey = "delivery.checklist"

    /// A shop's list from its setting: one item per line, `key | 中文 | English`. A line that is just the key
    /// of a default item brings that item in as it is. Empty or missing text gives the defaults.
    public static func items(fromSetting text: String?) throws -> [DeliveryItem] {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return defaultItems }
        var items: [DeliveryItem] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = FreeText.sanitize(String(raw))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let key = parts[0]
            if parts.count == 1, let known = defaultItems.first(where: { $0.key == key }) {
                items.append(known)
                continue
            }
            guard parts.count == 3, !key.isEmpty, !parts[1].isEmpty, !parts[2].isEmpty,
                  key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else {
                throw DeliveryError(message: Message(
                    zh: "交车清单设置第 \(index + 1) 行无法识别：应为“键 | 中文 | English”或默认项目的键",
                    en: "Delivery checklist setting, line \(index + 1): expected \"key | 中文 | English\" "
                        + "or the key of a default item"))
            }
            guard !items.contains(where: { $0.key == key }) else {
                throw DeliveryError(message: Message(
                    zh: "交车清单设置第 \(index + 1) 行：键“\(key)”重复",
                    en: "Delivery checklist setting, line \(index + 1): the key \"\(key)\" is used twice"))
            }
            let check = defaultItems.first(where: { $0.key == key })?.check ?? .manual
            items.append(DeliveryItem(key: key, label: Message(zh: parts[1], en: parts[2]), check: check))
        }
        return items.isEmpty ? defaultItems : items
    }

    /// Whether an item is already satisfied by the data, before anyone ticks it.
    /// A failed latest QC (`qcFailed`) never counts as done, whatever the class; `qcRequiredForAll` is the shop's
    /// setting. The amount matches when the lines add up to the signed estimate plus the additional work the
    /// customer approved (with how they approved it on record).
    public static func isSatisfiedByData(_ item: DeliveryItem, jobs: [Job], repairClass: RepairClass, qcPassed: Bool,
                                         finalTotal: Fen, estimateTotal: Fen, qcFailed: Bool = false,
                                         qcRequiredForAll: Bool = false) -> Bool {
        switch item.check {
        case .manual: return false
        case .workAndQC:
            return workDone(jobs) && !qcFailed
                && (qcPassed || !QCRules.isMandatory(repairClass, requiredForAll: qcRequiredForAll))
        case .amountMatchesEstimate: return finalTotal == estimateTotal + WorkLines.approvedAdditional(jobs)
        }
    }

    /// Every key of an item not yet satisfied by the data nor ticked: what one override covers.
    public static func missingKeys(items: [DeliveryItem], ticked: [String: DeliveryItemState],
                                   satisfied: (DeliveryItem) -> Bool) -> [String] {
        items.filter { item in
            if satisfied(item) { return false }
            switch ticked[item.key] {
            case nil: return true
            case .overridden?: return false
            case .done?: return item.check == .amountMatchesEstimate || !canTick(item)
            case .doneWithNote(let note)?: return FreeText.sanitize(note).isEmpty
            }
        }.map(\.key)
    }

    /// One reason for every missing item, in one step (audited per item at delivery).
    public static func overrideAll(items: [DeliveryItem], ticked: [String: DeliveryItemState], reason: String,
                                   satisfied: (DeliveryItem) -> Bool) -> [String: DeliveryItemState] {
        var result = ticked
        for key in missingKeys(items: items, ticked: ticked, satisfied: satisfied) {
            result[key] = .overridden(reason: reason)
        }
        return result
    }

    /// Every job that is part of the work is done (declined work stays as a recommendation).
    public static func workDone(_ jobs: [Job]) -> Bool {
        jobs.allSatisfy { $0.status == .done || $0.status == .declined }
    }

    /// Whether a manual tick is allowed: items decided by the data cannot be ticked away, except the amount
    /// item, which takes the customer's approval of the difference as a note.
    public static func canTick(_ item: DeliveryItem) -> Bool { item.check != .workAndQC }

    /// The gate before "delivered": every item is satisfied by the data, ticked, or overridden.
    /// Returns the state each item ends in.
    public static func gate(items: [DeliveryItem], ticked: [String: DeliveryItemState], jobs: [Job],
                            repairClass: RepairClass, qcPassed: Bool, finalTotal: Fen, estimateTotal: Fen,
                            qcFailed: Bool = false, qcRequiredForAll: Bool = false) throws
        -> [String: DeliveryItemState] {
        // A failed QC is a fact about the car, not a missing tick: no override lets it out.
        if qcFailed {
            throw DeliveryError(message: Message(
                zh: "质检不合格，不能交车：请返修并再次质检合格",
                en: "QC failed; the car cannot be delivered: rework it and pass a later QC"),
                missing: items.filter { $0.check == .workAndQC }.map(\.key))
        }
        var result: [String: DeliveryItemState] = [:]
        var missing: [DeliveryItem] = []
        for item in items {
            if case .overridden(let reason)? = ticked[item.key] {
                guard !FreeText.sanitize(reason).isEmpty else { missing.append(item); continue }
                result[item.key] = .overridden(reason: reason)
            } else if isSatisfiedByData(item, jobs: jobs, repairClass: repairClass, qcPassed: qcPassed,
                                        finalTotal: finalTotal, estimateTotal: estimateTotal, qcFailed: qcFailed,
                                        qcRequiredForAll: qcRequiredForAll) {
                result[item.key] = .done
            } else if let state = ticked[item.key], canTick(item) {
                if item.check == .amountMatchesEstimate {
                    guard case .doneWithNote(let note) = state, !FreeText.sanitize(note).isEmpty else {
                        missing.append(item)
                        continue
                    }
                }
                result[item.key] = state
            } else {
                missing.append(item)
            }
        }
        guard missing.isEmpty else {
            throw DeliveryError(
                message: Message(
                    zh: "交车清单未完成：" + missing.map(\.label.zh).joined(separator: "；"),
                    en: "Delivery checklist not complete: " + missing.map(\.label.en).joined(separator: "; ")),
                missing: missing.map(\.key))
        }
        return result
    }

    /// The final amounts from the jobs that were done (declined work is not charged).
    public static func finalAmounts(jobs: [Job]) -> (labour: Fen, parts: Fen) { WorkLines.totals(jobs) }

    /// The shop setting for the follow-up call window, in hours.
    public static let callbackWindowSettingKey = "delivery.callbackWindowHours"
    public static let defaultCallbackWindowHours = 24

    /// The follow-up window from its setting; anything not a whole number of hours from 1 to 168 is refused.
    public static func callbackWindowHours(fromSetting text: String?) throws -> Int {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return defaultCallbackWindowHours
        }
        guard let hours = Int(text), (1...168).contains(hours) else {
            throw DeliveryError(message: Message(
                zh: "回访时间窗口设置“\(FreeText.sanitize(text))”无效：应为 1 到 168 之间的整数小时",
                en: "Follow-up window setting \"\(FreeText.sanitize(text))\" is invalid: "
                    + "expected whole hours from 1 to 168"))
        }
        return hours
    }
}

extension DeliveryChecklist {
    /// Who may let a delivery through with an item missing. Kept in one place so the shop-wide permission
    /// model (roles and rights) can take over this decision.
    public static func mayOverride(_ staff: Staff?) -> Bool {
        guard let staff, staff.isActive else { return false }
        return staff.roles.contains(.manager)
    }

    public static let overrideRefused = Message(
        zh: "只有服务经理可以跳过交车清单项目", en: "Only a service manager can override a checklist item")
}
