import Foundation

/// The work lines of an order decide what the customer pays: the estimate typed at check-in becomes the
/// first line, additional work the customer approved is added, declined work stays on the order unpaid.
public enum WorkLines {
    /// The check-in estimate as the order's first line. The concern text names it (the customer's words are
    /// what the estimate was for); a blank concern gets a neutral name so the line is never nameless.
    public static func fromEstimate(concern: String, labour: Fen, parts: Fen, labourMinutes: Int) -> Job {
        let text = FreeText.sanitize(concern).trimmingCharacters(in: .whitespacesAndNewlines)
        return Job(repairOrderID: 0, description: text.isEmpty ? "预估项目 Estimate" : String(text.prefix(200)),
                   labour: labour, parts: parts, labourHours: Double(max(0, labourMinutes)) / 60)
    }

    /// Lines the customer pays for: everything but declined work and work still awaiting an answer.
    public static func isCharged(_ job: Job) -> Bool {
        job.status != .declined && job.status != .awaitingApproval
    }

    public static func totals(_ jobs: [Job]) -> (labour: Fen, parts: Fen) {
        let charged = jobs.filter(isCharged)
        return (charged.reduce(Fen.zero) { $0 + $1.labour }, charged.reduce(Fen.zero) { $0 + $1.parts })
    }

    public static func total(_ jobs: [Job]) -> Fen {
        let t = totals(jobs)
        return t.labour + t.parts
    }

    /// Additional work the customer approved: it explains a final amount above the signed estimate.
    public static func approvedAdditional(_ jobs: [Job]) -> Fen {
        jobs.filter { $0.isAdditional && isCharged($0) && $0.approvalMethod != nil }
            .reduce(Fen.zero) { $0 + $1.total }
    }

    /// Every charged line is free (warranty, recall, goodwill): the only case a delivered total may be ¥0.
    public static func isFreeOfCharge(_ jobs: [Job]) -> Bool {
        let charged = jobs.filter(isCharged)
        return !charged.isEmpty && charged.allSatisfy { $0.total == .zero }
    }

    /// Stages in which the advisor may still correct a line's amounts: any open stage (delivery fixes them).
    public static func checkEditable(job: Job, stage: ROStage) throws {
        guard stage.isOpen else {
            throw DispatchError(message: Message(
                zh: "工单已\(stage == .delivered ? "交车" : "取消")，项目金额不能再改",
                en: "The order is \(stage.label.en.lowercased()); its lines cannot change"))
        }
        guard job.status != .declined else {
            throw DispatchError(message: Message(
                zh: "客户拒绝的项目不收费，不能改金额", en: "Declined work is not charged; its amounts cannot change"))
        }
    }

    /// Amounts of a line: never negative, at most the desk's limit; hours from 0 to 200.
    public static func checkAmounts(labour: Fen, parts: Fen, labourHours: Double) throws {
        guard labour >= .zero, parts >= .zero else {
            throw ValidationError(field: .estimate, message: Message(
                zh: "金额不能为负数", en: "Amounts cannot be negative"))
        }
        guard labour <= YuanInput.maximum, parts <= YuanInput.maximum else {
            throw ValidationError(field: .estimate, message: Message(
                zh: "金额超过上限 ¥10,000,000，请核对", en: "An amount is above the ¥10,000,000 limit; check it"))
        }
        guard labourHours >= 0, labourHours <= 200 else {
            throw ValidationError(field: .estimate, message: Message(
                zh: "工时应在 0 到 200 小时之间", en: "Labour hours must be between 0 and 200"))
        }
    }

    /// "labour parts [hours]" typed to correct a line: `380 120 1.5`. Amounts in yuan, hours as decimals.
    public static func parseEdit(_ text: String) throws -> (labour: Fen, parts: Fen, hours: Double) {
        let words = FreeText.sanitize(TextFolding.halfWidth(text)).split(separator: " ").map(String.init)
        guard (2...3).contains(words.count) else {
            throw ValidationError(field: .estimate, message: Message(
                zh: "请输入“工时费 材料费 [工时]”，例如 380 120 1.5",
                en: "Type \"labour parts [hours]\", e.g. 380 120 1.5"))
        }
        let labour = try YuanInput.parse(words[0], field: .estimate)
        let parts = try YuanInput.parse(words[1], field: .estimate)
        var hours = 0.0
        if words.count == 3 { hours = Double(try LabourHoursInput.minutes(words[2])) / 60 }
        return (labour, parts, hours)
    }
}
