import Foundation
import ScreenKit
import ServiceDomain

/// The picker, the one-line prompt and the survey the follow-up panel opens.
enum FollowUpForms {
    static func reducePickerKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var picker = state.followUp.picker else { return [] }
        switch DialogKeys.picker.match(key) {
        case .move(.up): picker.selected = max(0, picker.selected - 1)
        case .move(.down): picker.selected = min(picker.options.count - 1, picker.selected + 1)
        case .choose:
            guard picker.options.indices.contains(picker.selected) else { state.followUp.picker = nil; return [] }
            state.followUp.picker = nil
            return choose(&state, picker.purpose, picker.options[picker.selected].value)
        default:
            // An option's own letter picks it at once.
            if case .character(let c) = key, let option = picker.options.first(where: { $0.shortcut == c }) {
                state.followUp.picker = nil
                return choose(&state, picker.purpose, option.value)
            }
        }
        state.followUp.picker = picker
        return []
    }

    static func chooseOutcome(_ state: inout AppState, _ outcome: CallOutcome, row: CallbackRow) -> [Effect] {
        guard let id = row.callback.id else { return [] }
        let version = row.callback.version
        switch outcome {
        case .reached:
            let questions = (state.followUp.snapshot?.settings.questions ?? SurveyQuestion.defaults)
                + [SurveyQuestion.complaintQuestion]
            state.followUp.survey = SurveyForm(callbackID: id, version: version, customerName: row.customerName,
                                               questions: questions)
            return []
        case .callBackLater:
            state.followUp.prompt = FollowUpPrompt(purpose: .callBackTime(callbackID: id, version: version),
                                                   title: FollowUpStrings.callBackTimeTitle, hint: FollowUpStrings.promptHint,
                                                   input: TextInputState(maxLength: 20))
            return []
        default:
            state.followUp.keepRowOnReload = true
            return [.followUp(.recordOutcome(callbackID: id, version: version, outcome: outcome, callBackAt: nil))]
        }
    }

    private static func choose(_ state: inout AppState, _ purpose: FollowUpPicker.Purpose, _ value: String) -> [Effect] {
        switch purpose {
        case .messageSent:
            let parts = value.split(separator: ":").compactMap { Int64($0) }
            guard parts.count == 2 else { return [] }
            return [.followUp(.markMessageSent(callbackID: parts[0], version: Int(parts[1])))]
        case .callWindow(let customerID, let name):
            guard let window = CallWindow(rawValue: value) else { return [] }
            return [.followUp(.setCallWindow(customerID: customerID, customerName: name, window: window))]
        case .outcome(let callbackID, _):
            guard let outcome = CallOutcome(rawValue: value),
                  let row = state.followUp.queue.first(where: { $0.id == callbackID }) else { return [] }
            return chooseOutcome(&state, outcome, row: row)
        case .nextStep(let id, let version):
            guard let step = ComplaintStep(rawValue: value) else { return [] }
            switch step {
            case .registered:
                state.followUp.picker = FollowUpPicker(
                    purpose: .category(complaintID: id, version: version), title: FollowUpStrings.pickCategory,
                    options: ComplaintCategory.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    selected: ComplaintCategory.allCases.firstIndex(
                        of: state.followUp.complaints.first { $0.id == id }?.complaint.category ?? .other) ?? 0)
            case .closed:
                state.followUp.picker = FollowUpPicker(
                    purpose: .closing(complaintID: id, version: version), title: FollowUpStrings.pickClosing,
                    options: [.init(value: "confirmed", label: FollowUpStrings.closedConfirmed, shortcut: "y"),
                              .init(value: "reason", label: FollowUpStrings.closedWithReason)])
            default:
                state.followUp.prompt = FollowUpPrompt(purpose: .stepNote(complaintID: id, version: version, step: step, category: nil),
                                                       title: FollowUpStrings.stepTitle(step), hint: FollowUpStrings.promptHint)
            }
            return []
        case .category(let id, let version):
            guard let category = ComplaintCategory(rawValue: value) else { return [] }
            state.followUp.prompt = FollowUpPrompt(
                purpose: .stepNote(complaintID: id, version: version, step: .registered, category: category),
                title: FollowUpStrings.stepTitle(.registered), hint: FollowUpStrings.promptHint)
            return []
        case .closing(let id, let version):
            if value == "confirmed" {
                return [.followUp(.advanceComplaint(id: id, version: version, step: .closed, note: "",
                                                    closing: .customerConfirmed, category: nil))]
            }
            state.followUp.prompt = FollowUpPrompt(purpose: .closeReason(complaintID: id, version: version),
                                                   title: FollowUpStrings.closeReasonTitle, hint: FollowUpStrings.promptHint)
            return []
        case .owner(let id, let version):
            guard let owner = RowID(value) else { return [] }
            state.followUp.prompt = FollowUpPrompt(purpose: .handoverNote(complaintID: id, version: version, ownerID: owner),
                                                   title: FollowUpStrings.handoverTitle, hint: FollowUpStrings.promptHint)
            return []
        case .newCar(let customerID):
            guard let vehicleID = RowID(value) else { return [] }
            state.followUp.picker = FollowUpFeature.channelPicker(customerID: customerID, vehicleID: vehicleID)
            return []
        case .newChannel(let customerID, let vehicleID):
            guard let channel = ComplaintChannel(rawValue: value) else { return [] }
            state.followUp.picker = FollowUpPicker(
                purpose: .newCategory(customerID: customerID, vehicleID: vehicleID, channel: channel),
                title: FollowUpStrings.pickCategory,
                options: ComplaintCategory.allCases.map { .init(value: $0.rawValue, label: $0.label) })
            return []
        case .newCategory(let customerID, let vehicleID, let channel):
            guard let category = ComplaintCategory(rawValue: value) else { return [] }
            state.followUp.prompt = FollowUpPrompt(
                purpose: .newComplaint(customerID: customerID, vehicleID: vehicleID, channel: channel, category: category),
                title: FollowUpStrings.newComplaintTitle, hint: FollowUpStrings.promptHint)
            return []
        }
    }

    static func reducePromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var prompt = state.followUp.prompt else { return [] }
        if DialogKeys.prompt.match(key) == .submit { return submit(&state, prompt) }
        _ = prompt.input.handle(key)
        state.followUp.prompt = prompt
        return []
    }

    private static func submit(_ state: inout AppState, _ prompt: FollowUpPrompt) -> [Effect] {
        let text = prompt.input.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .callBackTime(let id, let version):
            do {
                let at = try FollowUpRules.parseCallBackTime(text, now: state.now, timeZone: state.timeZone)
                state.followUp.prompt = nil
                state.followUp.keepRowOnReload = true
                return [.followUp(.recordOutcome(callbackID: id, version: version, outcome: .callBackLater, callBackAt: at))]
            } catch {
                // Keep the prompt open with what was typed, and say what would be accepted.
                state.status = StatusLine((error as? UserFacingError)?.message ?? FollowUpError.callBackMissing.message, kind: .error)
                return []
            }
        case .stepNote(let id, let version, let step, let category):
            if [.handling, .replied, .escalated].contains(step), text.isEmpty {
                state.status = StatusLine(ComplaintError.stepNeedsNote.message, kind: .error)
                return []
            }
            state.followUp.prompt = nil
            return [.followUp(.advanceComplaint(id: id, version: version, step: step, note: text, closing: nil, category: category))]
        case .closeReason(let id, let version):
            guard !text.isEmpty else {
                state.status = StatusLine(ComplaintError.closeNeedsConfirmation.message, kind: .error)
                return []
            }
            state.followUp.prompt = nil
            return [.followUp(.advanceComplaint(id: id, version: version, step: .closed, note: text, closing: .reason(text),
                                                category: nil))]
        case .handoverNote(let id, let version, let owner):
            guard !text.isEmpty else {
                state.status = StatusLine(ComplaintError.handoverNeedsNote.message, kind: .error)
                return []
            }
            state.followUp.prompt = nil
            return [.followUp(.handOver(id: id, version: version, to: owner, note: text))]
        case .newComplaint(let customerID, let vehicleID, let channel, let category):
            guard !text.isEmpty else {
                state.status = StatusLine(Message(zh: "请填写投诉内容", en: "Enter what the complaint is about"), kind: .error)
                return []
            }
            state.followUp.prompt = nil
            return [.followUp(.openComplaint(customerID: customerID, vehicleID: vehicleID, channel: channel, category: category,
                                             description: text))]
        }
    }

    static func reduceSurveyKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var survey = state.followUp.survey else { return [] }
        guard DialogKeys.question.match(key) == .submit else {
            _ = survey.input.handle(key)
            state.followUp.survey = survey
            return []
        }
        let question = survey.question
        let text = survey.input.text.trimmingCharacters(in: .whitespaces)
        do {
            switch question.kind {
            case .yesNo: survey.answers[question.key] = try FollowUpRules.yesNo(text, question: question.text) ? "yes" : "no"
            case .score: survey.answers[question.key] = String(try FollowUpRules.score(text))
            case .text: survey.answers[question.key] = text
            }
        } catch {
            state.status = StatusLine((error as? UserFacingError)?.message ?? FollowUpError.scoreOutOfRange(text).message,
                                      kind: .error)
            return []
        }
        state.status = nil
        survey.input = TextInputState(maxLength: 500)
        if survey.index + 1 < survey.questions.count {
            survey.index += 1
            state.followUp.survey = survey
            return []
        }
        state.followUp.survey = nil
        return [.followUp(.completeCallback(callbackID: survey.callbackID, version: survey.version, answers: survey.answers))]
    }
}
