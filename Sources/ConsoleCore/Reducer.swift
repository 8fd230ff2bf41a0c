import Foundation
import ScreenKit
import ServiceDomain

/// The one place state changes: an action in, the new state and the effects to run out.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .consoleStarted:
        return PanelRouter.entered(&state) + FollowUpFeature.startupEffects()

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
        return ReceptionFeature.reduce(&state, event)

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
        switch key {
        case .character("y"), .character("Y"): state.shouldQuit = true
        case .character("n"), .character("N"), .escape: state.overlay = nil
        default: break
        }
        return []
    case .audit:
        switch key {
        case .ctrl("q"), .ctrl("c"), .function(10): requestQuit(&state)
        case .escape where !AuditFeature.handleBack(&state): state.overlay = nil
        case .ctrl("t"): state.overlay = nil
        default: return AuditFeature.reduceKey(&state, key)
        }
        return []
    case .help:
        switch key {
        case .escape, .function(1), .character("?"), .enter: state.overlay = nil
        case .ctrl("q"), .function(10): requestQuit(&state)
        default: break
        }
        return []
    case nil:
        break
    }

    if let command = KeyMap.command(for: key, in: state) {
        if let effects = perform(command, &state) { return effects }
    }
    return PanelRouter.reduceKey(&state, key)
}

/// Global commands; nil when the command belongs to the panel.
private func perform(_ command: Command, _ state: inout AppState) -> [Effect]? {
    switch command {
    case .showHelp:
        state.overlay = .help
    case .showAudit:
        state.overlay = .audit
        return AuditFeature.entered(&state)
    case .quit:
        requestQuit(&state)
    case .toggleLanguage:
        state.language = state.language == .zhHans ? .en : .zhHans
        state.status = StatusLine(Strings.languageSwitched, kind: .info)
    case .showPanel(let panel):
        return show(panel, &state)
    case .nextPanel, .previousPanel:
        let all = Panel.allCases
        let i = all.firstIndex(of: state.panel)!
        let step = command == .nextPanel ? 1 : all.count - 1
        return show(all[(i + step) % all.count], &state)
    case .redraw:
        return [.redraw]
    case .suspend:
        return [.suspend]
    case .back:
        guard state.panel != .find else { return nil }
        if PanelRouter.handleBack(&state) { return [] }
        state.panel = .find
        return []
    default:
        return nil
    }
    return []
}

private func show(_ panel: Panel, _ state: inout AppState) -> [Effect] {
    guard panel != state.panel else { return [] }
    state.panel = panel
    return PanelRouter.entered(&state)
}

private func requestQuit(_ state: inout AppState) {
    if state.hasUnsavedInput {
        state.overlay = .confirmQuit
    } else {
        state.shouldQuit = true
    }
}

func reduceFindKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if let card = state.find.card {
        switch key {
        case .escape:
            state.find.card = nil
            state.find.cardVehicleID = nil
        case .character("c"):
            // A walk-in or phone complaint, opened from the customer's card.
            if let id = card.customer.id {
                return FollowUpFeature.startComplaint(&state, customerID: id, vehicles: card.vehicles)
            }
        default: break
        }
        return []
    }
    let rowCount = state.find.rows.count
    switch key {
    case .up: state.find.table.moveUp(rowCount: rowCount); return []
    case .down: state.find.table.moveDown(rowCount: rowCount); return []
    case .pageUp: state.find.table.pageUp(rowCount: rowCount); return []
    case .pageDown: state.find.table.pageDown(rowCount: rowCount); return []
    case .enter:
        guard state.find.rows.indices.contains(state.find.table.selected) else { return [] }
        let row = state.find.rows[state.find.table.selected]
        state.find.cardVehicleID = row.vehicle?.id
        return [.loadCard(customerID: row.customer.customerID)]
    case .escape:
        guard !state.find.query.text.isEmpty else { return [] }
        state.find.query = TextInputState()
        return queryChanged(&state)
    default:
        let before = state.find.query.text
        guard state.find.query.handle(key) else { return [] }
        return state.find.query.text == before ? [] : queryChanged(&state)
    }
}

private func queryChanged(_ state: inout AppState) -> [Effect] {
    state.status = nil
    let query = state.find.query.text
    if query.trimmingCharacters(in: .whitespaces).isEmpty {
        state.find.results = []
        state.find.rows = []
        state.find.resultsQuery = query
        state.find.table = TableState()
        return []
    }
    return [.search(query: query)]
}
