import Foundation
import ScreenKit
import ServiceDomain

/// The one place state changes: an action in, the new state and the effects to run out.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .consoleStarted:
        return PanelRouter.current(state).entered(&state) + FollowUpFeature.startupEffects()

    case .keyPressed(let key):
        return reduceKey(&state, key)

    case .clockTicked(let now):
        state.now = now
        return []

    case .storeChangedElsewhere:
        var effects: [Effect] = []
        if !state.find.query.text.isEmpty { effects.append(.search(query: state.find.query.text)) }
        if let card = state.find.card, let id = card.customer.id { effects.append(.loadCard(customerID: id)) }
        return effects + PanelRouter.refreshAll(&state)

    case .storeFileProblem(let message):
        state.status = StatusLine(message, kind: .error)
        return []

    case .notice(let line):
        state.status = line
        return []

    case .statusExpired(let revision):
        if state.statusRevision == revision { state.status = nil }
        return []

    case .searchCompleted(let query, let results):
        // Results for a query the user has since changed are stale: drop them.
        guard query == state.find.query.text else { return [] }
        let previousRow = state.find.rows.indices.contains(state.find.table.selected) ? state.find.rows[state.find.table.selected] : nil
        state.find.resultsQuery = query
        state.find.results = results
        state.find.rows = results.findRows
        // Keep the selection on the same car when a refresh brings the same rows back.
        let sameIndex = previousRow.flatMap { prev in
            state.find.rows.firstIndex { $0.customer.customerID == prev.customer.customerID && $0.vehicle?.id == prev.vehicle?.id }
        }
        state.find.table.select(sameIndex ?? 0, rowCount: state.find.rows.count)
        return []

    case .searchFailed(let query, let message):
        guard query == state.find.query.text else { return [] }
        state.status = StatusLine(message, kind: .error)
        return []

    case .cardLoaded(let card):
        if let card {
            state.find.card = card
        } else if state.find.card != nil {
            state.find.card = nil
            state.status = StatusLine(Strings.cardNotFound, kind: .warning)
        }
        return []

    case .cardFailed(let message):
        state.status = StatusLine(message, kind: .error)
        return []

    case .reception(let event):
        let reduction = ReceptionFeature.reduce(&state, event)
        return reduction.effects + carryOut(reduction.delegate, &state)

    case .workshop(let event):
        return WorkshopFeature.reduce(&state, event)

    case .followUp(let event):
        return FollowUpFeature.reduce(&state, event)

    case .insights(let event):
        return InsightsFeature.reduce(&state, event)

    case .audit(let event):
        return AuditFeature.reduce(&state, event)
    }
}

private func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    // A message is about what just happened; the next key moves on (and may say something new).
    if state.status != nil { state.status = nil }

    switch state.overlay {
    case .confirmQuit:
        switch OverlayKeys.confirmQuit.match(key) {
        case .yes: state.shouldQuit = true
        case .no: state.overlay = nil
        case nil: break
        }
        return []
    case .audit:
        let reduction = AuditFeature.reduceKey(&state, key)
        return reduction.effects + carryOut(reduction.delegate, &state)
    case .help:
        switch OverlayKeys.help.match(key) {
        case .close: state.overlay = nil
        case .quit: requestQuit(&state)
        case nil: break
        }
        return []
    case nil:
        break
    }

    let feature = PanelRouter.current(state)
    if let action = GlobalKeys.table(for: feature.keys(state)).match(key) {
        return perform(action, &state)
    }
    let reduction = feature.reduceKey(&state, key)
    return reduction.effects + carryOut(reduction.delegate, &state)
}

/// Where a feature asked the shell to go next.
func carryOut(_ delegate: PanelDelegate?, _ state: inout AppState) -> [Effect] {
    switch delegate {
    case nil: return []
    case .show(let panel): return show(panel, &state)
    case .startComplaint(let customerID, let vehicles):
        state.panel = .followUp
        return FollowUpFeature.startComplaint(&state, customerID: customerID, vehicles: vehicles)
    case .requestQuit:
        requestQuit(&state)
        return []
    case .closeOverlay:
        state.overlay = nil
        return []
    }
}

/// What the shell does for a global binding.
private func perform(_ action: GlobalAction, _ state: inout AppState) -> [Effect] {
    switch action {
    case .help:
        state.overlay = .help
    case .audit:
        state.overlay = .audit
        return AuditFeature.entered(&state)
    case .quit:
        requestQuit(&state)
    case .toggleLanguage:
        state.language = state.language == .zhHans ? .en : .zhHans
        state.status = StatusLine(Strings.languageSwitched, kind: .info)
    case .show(let panel):
        return show(panel, &state)
    case .nextPanel, .previousPanel:
        let all = Panel.allCases
        let i = all.firstIndex(of: state.panel)!
        let step = action == .nextPanel ? 1 : all.count - 1
        return show(all[(i + step) % all.count], &state)
    case .redraw:
        return [.redraw]
    case .suspend:
        return [.suspend]
    case .back:
        // The feature closes what is open; with nothing open, Esc goes home to Find.
        if !PanelRouter.current(state).back(&state), state.panel != .find { state.panel = .find }
    }
    return []
}

private func show(_ panel: Panel, _ state: inout AppState) -> [Effect] {
    guard panel != state.panel else { return [] }
    state.panel = panel
    return PanelRouter.current(state).entered(&state)
}

private func requestQuit(_ state: inout AppState) {
    if state.hasUnsavedInput {
        state.overlay = .confirmQuit
    } else {
        state.shouldQuit = true
    }
}
