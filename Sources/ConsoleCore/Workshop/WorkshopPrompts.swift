import Foundation
import ScreenKit
import ServiceDomain

/// The prompt (one line of text) and the picker (a short list) that the workshop actions open.
enum WorkshopPrompts {
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var prompt = state.workshop.prompt else { return [] }
        if DialogKeys.prompt.match(key) == .submit { return submit(&state, prompt) }
        _ = prompt.input.handle(key)
        state.workshop.prompt = prompt
        return []
    }

    static func reducePickerKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var picker = state.workshop.picker else { return [] }
        switch DialogKeys.picker.match(key) {
        case .move(.up): picker.selected = max(0, picker.selected - 1)
        case .move(.down): picker.selected = min(picker.options.count - 1, picker.selected + 1)
        case .choose:
            state.workshop.picker = nil
            return choose(&state, picker.purpose, picker.options[picker.selected].value)
        default: break
        }
        state.workshop.picker = picker
        return []
    }

    private static func choose(_ state: inout AppState, _ purpose: WorkshopPickerPurpose, _ value: String) -> [Effect] {
        switch purpose {
        case .moveStage(let roID, let version, let from):
            guard let to = ROStage(rawValue: value) else { return [] }
            if ROLifecycle.requiresReason(from: from, to: to) {
                let title = ROLifecycle.isRework(from: from, to: to) ? OrderStrings.reworkReason
                    : to == .onHold ? WorkshopStrings.holdReason : WorkshopStrings.cancelReason
                state.workshop.prompt = WorkshopPrompt(
                    purpose: .stageReason(roID: roID, version: version, from: from, to: to),
                    title: title, hint: WorkshopStrings.reasonHint)
                return []
            }
            return [.workshop(.moveStage(roID: roID, version: version, from: from, to: to, note: ""))]
        case .technician(let roID, let version, let needsReason):
            guard let id = RowID(value) else { return [] }
            if needsReason {
                state.workshop.prompt = WorkshopPrompt(
                    purpose: .reassignReason(roID: roID, version: version, technicianID: id),
                    title: WorkshopStrings.reassignReason, hint: WorkshopStrings.reasonHint)
                return []
            }
            return [.workshop(.dispatch(roID: roID, version: version, technicianID: id, reason: ""))]
        case .jobTechnician(let jobID, let needsReason):
            guard let id = RowID(value) else { return [] }
            if needsReason {
                state.workshop.prompt = WorkshopPrompt(purpose: .reassignJobReason(jobID: jobID, technicianID: id),
                                                       title: WorkshopStrings.reassignReason, hint: WorkshopStrings.reasonHint)
                return []
            }
            return [.workshop(.assignJob(jobID: jobID, technicianID: id, reason: ""))]
        case .qcResult(let roID):
            if value == "pass" { return [.workshop(.loadInspectors(roID: roID, passed: true, note: ""))] }
            state.workshop.prompt = WorkshopPrompt(purpose: .qcFailNote(roID: roID), title: WorkshopStrings.qcFailNote,
                                                   hint: WorkshopStrings.reasonHint)
            return []
        case .qcInspector(let roID, let passed, let note):
            guard let id = RowID(value) else { return [] }
            return [.workshop(.recordQC(roID: roID, passed: passed, note: note, inspectorID: id))]
        case .approval(let jobID, let approved):
            guard let method = ApprovalMethod(rawValue: value) else { return [] }
            return [.workshop(.decideJob(jobID: jobID, approved: approved, method: method))]
        case .advisor(let roID, let version):
            guard let id = RowID(value) else { return [] }
            return [.workshop(.reassignAdvisor(roID: roID, version: version, advisorID: id))]
        }
    }

    private static func submit(_ state: inout AppState, _ prompt: WorkshopPrompt) -> [Effect] {
        let text = prompt.input.text.trimmingCharacters(in: .whitespaces)
        func close() { state.workshop.prompt = nil }
        switch prompt.purpose {
        case .stageReason(let roID, let version, let from, let to):
            close()
            return [.workshop(.moveStage(roID: roID, version: version, from: from, to: to, note: text))]
        case .reassignReason(let roID, let version, let technicianID):
            // An empty reason reaches the store, which refuses it with the field named.
            close()
            return [.workshop(.dispatch(roID: roID, version: version, technicianID: technicianID, reason: text))]
        case .reassignJobReason(let jobID, let technicianID):
            close()
            return [.workshop(.assignJob(jobID: jobID, technicianID: technicianID, reason: text))]
        case .delayTime(let roID, let storedVersion, let storedPromise, let note):
            // The board may have reloaded since the dialog opened (a refusal reopens it): check against the
            // order as it is now.
            let row = state.workshop.board.page?.rows.first { $0.id == roID }
            let version = row?.version ?? storedVersion
            let oldPromise = row?.promisedAt ?? storedPromise
            do {
                let date = try WaitingBoardRules.parsePromise(text, now: state.now, timeZone: state.timeZone)
                // Checked here, before the note is asked for, with the rule the store applies again.
                try WaitingBoardRules.checkDelay(oldPromisedAt: oldPromise, newPromisedAt: date, now: state.now,
                                                 hours: state.workshop.board.hours, timeZone: state.timeZone)
                var next = WorkshopPrompt(purpose: .delayNote(roID: roID, version: version, newPromisedAt: date),
                                          title: WorkshopStrings.delayNote, hint: WorkshopStrings.reasonHint)
                next.input = TextInputState(text: note, maxLength: 200)
                state.workshop.prompt = next
                state.workshop.pendingDelay = PendingDelay(roID: roID, version: version, oldPromisedAt: oldPromise,
                                                           timeText: text, note: note)
                state.status = nil
            } catch {
                // Keep what was typed so it can be fixed.
                state.status = StatusLine((error as? UserFacingError)?.message ?? WorkshopStrings.delayTimeHint,
                                          kind: .error)
            }
            return []
        case .delayNote(let roID, let version, let date):
            close()
            state.workshop.pendingDelay?.note = prompt.input.text
            return [.workshop(.notifyDelay(roID: roID, version: version, newPromisedAt: date, note: text))]
        case .qcFailNote(let roID):
            guard !text.isEmpty else {
                state.status = StatusLine(Message(zh: "质检不合格必须填写原因", en: "A failed QC needs a reason"), kind: .error)
                return []
            }
            close()
            return [.workshop(.loadInspectors(roID: roID, passed: false, note: text))]
        case .editLine(let jobID, let orderVersion):
            do {
                let edit = try WorkLines.parseEdit(text)
                close()
                return [.workshop(.editLine(jobID: jobID, orderVersion: orderVersion, labour: edit.labour,
                                            parts: edit.parts, hours: edit.hours))]
            } catch {
                // Keep what was typed so it can be fixed.
                state.status = StatusLine((error as? UserFacingError)?.message ?? OrderStrings.editLineHint, kind: .error)
                return []
            }
        case .additionalJob(let roID):
            guard let parsed = parseAdditionalJob(text) else {
                state.status = StatusLine(WorkshopStrings.badAdditionalJob, kind: .error)
                return []
            }
            close()
            return [.workshop(.addAdditionalJob(roID: roID, description: parsed.description, labour: parsed.labour,
                                                parts: parsed.parts))]
        case .amountNote(let key):
            close()
            guard !text.isEmpty else { return [] }
            state.workshop.delivery.ticked[key] = .doneWithNote(text)
            return []
        case .overrideMissing:
            guard !text.isEmpty else {
                state.status = StatusLine(OrderStrings.overrideNeedsReason, kind: .error)
                return []
            }
            close()
            guard let context = state.workshop.delivery.context else { return [] }
            state.workshop.delivery.ticked = DeliveryChecklist.overrideAll(
                items: context.items, ticked: state.workshop.delivery.ticked, reason: text,
                satisfied: context.isSatisfiedByData)
            return []
        }
    }

    /// The delay dialog's first step, with what was typed before (after a refusal) filled in again.
    static func delayTimePrompt(roID: RowID, version: Int, oldPromisedAt: Date, note: String, text: String) -> WorkshopPrompt {
        var prompt = WorkshopPrompt(purpose: .delayTime(roID: roID, version: version, oldPromisedAt: oldPromisedAt, note: note),
                                    title: WorkshopStrings.delayTime, hint: WorkshopStrings.delayTimeHint)
        prompt.input = TextInputState(text: text, maxLength: 200)
        return prompt
    }

    /// "description labour [parts]": the last one or two words are amounts in yuan (up to two decimals).
    static func parseAdditionalJob(_ text: String) -> (description: String, labour: Fen, parts: Fen)? {
        var words = text.split(separator: " ").map(String.init)
        var amounts: [Fen] = []
        while amounts.count < 2, let last = words.last, let fen = yuan(last) {
            amounts.insert(fen, at: 0)
            words.removeLast()
        }
        guard !amounts.isEmpty, !words.isEmpty else { return nil }
        return (words.joined(separator: " "), amounts[0], amounts.count > 1 ? amounts[1] : .zero)
    }

    static func yuan(_ text: String) -> Fen? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 10_000_000 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let c = Int64(parts[1]) else { return nil }
            cents = parts[1].count == 1 ? c * 10 : c
        }
        return Fen(whole * 100 + cents)
    }
}
