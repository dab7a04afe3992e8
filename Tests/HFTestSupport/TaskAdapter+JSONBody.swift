import HFCore

extension TaskAdapter {
    /// The provider's JSON body made from a canonical JSON body; fails when the adapter makes
    /// another kind of body.
    package func jsonBody(from canonical: JSONObject, model: TaskModel) throws -> JSONObject {
        guard let json = try body(for: TaskPayload(json: canonical), model: model).json else {
            throw HFError(category: .validation, message: "the adapter for \(task) does not make a JSON body")
        }
        return json
    }
}

extension TaskBody {
    /// The JSON object, for a JSON body.
    package var json: JSONObject? {
        if case .json(let object) = self { return object }
        return nil
    }
}
