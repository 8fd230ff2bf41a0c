import Foundation

/// One question of the follow-up call's script.
public struct SurveyQuestion: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Equatable, Hashable { case yesNo, score, text }
    /// Stored as `callback_answer.question_key`.
    public var key: String
    public var text: Message
    public var kind: Kind

    public init(key: String, text: Message, kind: Kind) {
        self.key = key
        self.text = text
        self.kind = kind
    }

    public static let readyOnTime = "readyOnTime"
    public static let explained = "explained"
    public static let problemFixed = "problemFixed"
    public static let satisfaction = "satisfaction"
    public static let comments = "comments"
    /// Always asked last: the customer's explicit wish to complain (not configurable).
    public static let wantsComplaint = "wantsComplaint"

    public static let defaults: [SurveyQuestion] = [
        SurveyQuestion(key: readyOnTime, text: Message(zh: "车辆是否按承诺时间交付？", en: "Was the car ready when promised?"),
                       kind: .yesNo),
        SurveyQuestion(key: explained, text: Message(zh: "维修内容和费用是否向您解释清楚？", en: "Were the work and the bill explained?"),
                       kind: .yesNo),
        SurveyQuestion(key: problemFixed, text: Message(zh: "原来的问题是否已解决？", en: "Is the original problem fixed?"),
                       kind: .yesNo),
        SurveyQuestion(key: satisfaction, text: Message(zh: "总体满意度（1–10 分）", en: "Overall satisfaction (1–10)"),
                       kind: .score),
        SurveyQuestion(key: comments, text: Message(zh: "其他意见", en: "Comments"), kind: .text),
    ]

    public static let complaintQuestion = SurveyQuestion(
        key: wantsComplaint, text: Message(zh: "客户是否要投诉？", en: "Does the customer want to complain?"), kind: .yesNo)
}

/// The shop's follow-up settings, read from the `setting` table (missing or unreadable values use the defaults).
public struct FollowUpSettings: Sendable, Equatable {
    public var windowHours = 24
    public var retryMinutes = 120
    public var unreachableDays = 5
    public var callerMustNotBeAdvisor = false
    public var lowScoreThreshold = 6
    public var confirmationDays = 2
    public var questions = SurveyQuestion.defaults
    /// When customers may be called (due times and retries are moved into these hours).
    public var callingHours = CallingHours.standard

    public static let windowKey = "delivery.callbackWindowHours"
    public static let retryKey = "followup.retryMinutes"
    public static let unreachableDaysKey = "followup.unreachableDays"
    public static let callerRuleKey = "followup.callerNotAdvisor"
    public static let thresholdKey = "followup.lowScoreThreshold"
    public static let confirmationDaysKey = "followup.confirmationDays"
    /// `key|中文|English|yesNo/score/text` per line; replaces the default script.
    public static let questionsKey = "followup.questions"
    public static let allKeys = [windowKey, retryKey, unreachableDaysKey, callerRuleKey, thresholdKey,
                                 confirmationDaysKey, questionsKey, CallingHours.key]

    public init() {}

    public init(settings: [String: String]) {
        func int(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            settings[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { range.contains($0) ? $0 : nil }
        }
        windowHours = int(Self.windowKey, 1...168) ?? windowHours
        retryMinutes = int(Self.retryKey, 5...1440) ?? retryMinutes
        unreachableDays = int(Self.unreachableDaysKey, 1...30) ?? unreachableDays
        lowScoreThreshold = int(Self.thresholdKey, 1...10) ?? lowScoreThreshold
        confirmationDays = int(Self.confirmationDaysKey, 1...14) ?? confirmationDays
        callingHours = settings[CallingHours.key].flatMap(CallingHours.init(text:)) ?? callingHours
        if let rule = settings[Self.callerRuleKey]?.lowercased() {
            callerMustNotBeAdvisor = ["1", "true", "yes", "on"].contains(rule.trimmingCharacters(in: .whitespaces))
        }
        if let text = settings[Self.questionsKey] {
            let parsed = text.split(whereSeparator: \.isNewline).compactMap { line -> SurveyQuestion? in
                let parts = line.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 4, !parts[0].isEmpty, let kind = SurveyQuestion.Kind(rawValue: parts[3]) else {
                    return nil
                }
                return SurveyQuestion(key: parts[0], text: Message(zh: parts[1], en: parts[2]), kind: kind)
            }
            if !parsed.isEmpty { questions = parsed }
        }
    }
}

/// A follow-up input refused, with a sentence naming the field and what would be accepted.
public struct FollowUpError: UserFacingError, Equatable {
    public let message: Message
    public init(_ message: Message) { self.message = message }

    public static func scoreOutOfRange(_ text: String) -> FollowUpError {
        FollowUpError(Message(zh: "满意度“\(text)”无效：请输入 1 到 10 的整数", en: "Satisfaction \"\(text)\" is not valid: enter a whole number from 1 to 10"))
    }
    public static let callBackInPast = FollowUpError(Message(
        zh: "回电时间不能早于现在：请输入以后的时间（如 18:30 或 11-23 10:00）",
        en: "The call-back time is in the past: enter a later time (e.g. 18:30 or 11-23 10:00)"))
    public static let callBackMissing = FollowUpError(Message(
        zh: "回电时间无法识别：请输入 HH:mm 或 MM-dd HH:mm", en: "The call-back time was not understood: enter HH:mm or MM-dd HH:mm"))
    public static let callerIsAdvisor = FollowUpError(Message(
        zh: "本店规定回访不能由接车顾问本人拨打：请由其他同事回访",
        en: "Shop rule: the advisor who received the car may not make its follow-up call; ask a colleague"))
    public static let notOpen = FollowUpError(Message(
        zh: "该回访已结束，不能再记录拨打", en: "This callback is already closed; no more attempts can be recorded"))
    public static let noMessageOwed = FollowUpError(Message(
        zh: "只有无法联系的回访需要发短信或信函", en: "Only an unreachable callback owes a text message or letter"))
    public static let messageAlreadySent = FollowUpError(Message(
        zh: "这条短信/信函已登记为已发送", en: "This text message or letter is already recorded as sent"))
    public static func yesNo(_ question: Message) -> FollowUpError {
        FollowUpError(Message(zh: "“\(question.zh)”请回答 y（是）或 n（否）", en: "\"\(question.en)\": answer y (yes) or n (no)"))
    }
}

/// What recording a call attempt did to its callback.
public struct CallAttemptResult: Sendable, Equatable {
    public var callback: Callback
    /// The callback closed as unreachable: a text message or letter is owed instead.
    public var needsMessageOrLetter: Bool
}

/// Due times, retries, expiry and the caller rule of the follow-up call. Time is always passed in.
public enum FollowUpRules {
    /// The callback of a car delivered at `deliveredAt`: the window's hours later, moved into the calling
    /// hours and the customer's window (a car delivered at 07:42 is not called at 07:42 the next day).
    public static func dueAt(deliveredAt: Date, settings: FollowUpSettings, window: CallWindow = .anyTime,
                             timeZone: TimeZone) -> Date {
        CallScheduling.nextCallTime(atOrAfter: deliveredAt.addingTimeInterval(Double(settings.windowHours) * 3600),
                                    hours: settings.callingHours, window: window, timeZone: timeZone)
    }

    /// When the call is next to be made: the retry or named time when one is set, else the due time.
    public static func nextCallAt(_ callback: Callback) -> Date { callback.nextTryAt ?? callback.dueAt }

    /// Past its due time and still not made.
    public static func isOverdue(_ callback: Callback, now: Date) -> Bool {
        callback.status == .open && now > callback.dueAt
    }

    /// Open, and not waiting for a retry or a time the customer named.
    public static func isReadyToCall(_ callback: Callback, now: Date) -> Bool {
        callback.status == .open && (callback.nextTryAt.map { $0 <= now } ?? true)
    }

    /// Queue order: by when each call is next to be made (a retry at 11:30 sits between the calls due at
    /// 11:00 and 12:00, not below tomorrow's), so overdue calls come first. Ties by id so the order is stable.
    public static func queueOrder(_ a: Callback, _ b: Callback, now: Date) -> Bool {
        let na = nextCallAt(a), nb = nextCallAt(b)
        if na != nb { return na < nb }
        return (a.id ?? 0) < (b.id ?? 0)
    }

    /// Refuses the call when the shop requires another person than the advisor who received the car.
    public static func checkCaller(callerID: RowID?, advisorID: RowID?, settings: FollowUpSettings) throws {
        guard settings.callerMustNotBeAdvisor, let callerID, callerID == advisorID else { return }
        throw FollowUpError.callerIsAdvisor
    }

    /// A call that did not reach the customer (or reached them only to decline). `callBackAt` is the time
    /// the customer named, required for `.callBackLater`. `.reached` goes through `complete` instead.
    /// A retry after no answer or busy is moved into the calling hours and the customer's `window`; a time
    /// the customer named is kept as they said it.
    public static func apply(_ outcome: CallOutcome, to callback: Callback, callBackAt: Date? = nil, now: Date,
                             settings: FollowUpSettings, window: CallWindow = .anyTime,
                             timeZone: TimeZone) throws -> CallAttemptResult {
        guard callback.status == .open else { throw FollowUpError.notOpen }
        var c = callback
        switch outcome {
        case .reached:
            c.nextTryAt = nil
        case .declinedSurvey:
            c.status = .declined
            c.completedAt = now
            c.nextTryAt = nil
        case .callBackLater:
            guard let at = callBackAt else { throw FollowUpError.callBackMissing }
            guard at > now else { throw FollowUpError.callBackInPast }
            c.nextTryAt = at
        case .wrongNumber:
            // No phone number to try again: the customer is told by message or letter.
            c.status = .unreachable
            c.completedAt = now
            c.nextTryAt = nil
            return CallAttemptResult(callback: c, needsMessageOrLetter: true)
        case .noAnswer, .busy:
            let giveUpAt = c.dueAt.addingTimeInterval(Double(settings.unreachableDays) * 86_400)
            let next = CallScheduling.nextCallTime(atOrAfter: now.addingTimeInterval(Double(settings.retryMinutes) * 60),
                                                   hours: settings.callingHours, window: window, timeZone: timeZone)
            if now >= giveUpAt || next > giveUpAt {
                c.status = .unreachable
                c.completedAt = now
                c.nextTryAt = nil
                return CallAttemptResult(callback: c, needsMessageOrLetter: true)
            }
            c.nextTryAt = next
        }
        return CallAttemptResult(callback: c, needsMessageOrLetter: false)
    }

    /// Checks a typed score: a whole number from 1 to 10.
    public static func score(_ text: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let n = Int(t), (1...10).contains(n) else { throw FollowUpError.scoreOutOfRange(t) }
        return n
    }

    /// A yes/no answer as typed: y/yes/是 or n/no/否.
    public static func yesNo(_ text: String, question: Message) throws -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "是", "1": return true
        case "n", "no", "否", "0": return false
        default: throw FollowUpError.yesNo(question)
        }
    }

    /// The reached call's answers decide: a low score or an explicit wish opens a complaint.
    public static func needsComplaint(score: Int?, wantsComplaint: Bool, settings: FollowUpSettings) -> Bool {
        wantsComplaint || (score.map { $0 <= settings.lowScoreThreshold } ?? false)
    }

    /// "Problem not fixed" flags the order as a possible comeback.
    public static func problemNotFixed(_ answers: [String: String]) -> Bool {
        answers[SurveyQuestion.problemFixed] == "no"
    }

    /// The category a complaint from the survey starts with (the owner can change it when registering).
    public static func likelyCategory(_ answers: [String: String]) -> ComplaintCategory {
        if answers[SurveyQuestion.problemFixed] == "no" { return .repairQuality }
        if answers[SurveyQuestion.readyOnTime] == "no" { return .timeliness }
        if answers[SurveyQuestion.explained] == "no" { return .priceOrBill }
        return .other
    }

    /// The callback marked as reached and done with its score.
    public static func complete(_ callback: Callback, score: Int?, now: Date) throws -> Callback {
        guard callback.status == .open else { throw FollowUpError.notOpen }
        if let score, !(1...10).contains(score) { throw FollowUpError.scoreOutOfRange(String(score)) }
        var c = callback
        c.status = .completed
        c.completedAt = now
        c.nextTryAt = nil
        c.satisfaction = score
        return c
    }

    /// The call that confirms a dissatisfied customer is satisfied now, after their complaint was resolved.
    public static func confirmationCallback(repairOrderID: RowID, resolvedAt: Date, settings: FollowUpSettings,
                                            window: CallWindow = .anyTime, timeZone: TimeZone) -> Callback {
        let due = resolvedAt.addingTimeInterval(Double(settings.confirmationDays) * 86_400)
        return Callback(repairOrderID: repairOrderID, kind: .complaintConfirmation,
                        dueAt: CallScheduling.nextCallTime(atOrAfter: due, hours: settings.callingHours, window: window,
                                                           timeZone: timeZone))
    }

    /// Reads a typed call-back time: `HH:mm` (today, in the shop's zone) or `MM-dd HH:mm` (this year).
    public static func parseCallBackTime(_ text: String, now: Date, timeZone: TimeZone) throws -> Date {
        let calendar = ShopCalendar.calendar(timeZone)
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        var day = calendar.dateComponents([.year, .month, .day], from: now)
        let timeText: String
        switch parts.count {
        case 1: timeText = parts[0]
        case 2:
            let md = parts[0].split(separator: "-").compactMap { Int($0) }
            guard md.count == 2, (1...12).contains(md[0]), (1...31).contains(md[1]) else { throw FollowUpError.callBackMissing }
            day.month = md[0]
            day.day = md[1]
            timeText = parts[1]
        default: throw FollowUpError.callBackMissing
        }
        let hm = timeText.split(separator: ":").compactMap { Int($0) }
        guard hm.count == 2, (0...23).contains(hm[0]), (0...59).contains(hm[1]) else { throw FollowUpError.callBackMissing }
        day.hour = hm[0]
        day.minute = hm[1]
        guard let date = calendar.date(from: day) else { throw FollowUpError.callBackMissing }
        guard date > now else { throw FollowUpError.callBackInPast }
        return date
    }
}
