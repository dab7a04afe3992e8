/// The model of a call, in each form an adapter may need.
package struct TaskModel: Sendable, Hashable {
    /// The id as the caller wrote it, suffix included (the router's chat route takes it so).
    package var asGiven: String
    /// The Hub repository id, without suffix.
    package var hubID: String
    /// The id the provider knows the model by: the Hub mapping's `providerId`, the Hub id for
    /// hf-inference, or the name given to a server of the caller's.
    package var providerID: String
    /// The LoRA adapter the mapping names, when the provider serves the model as one.
    package var lora: LoRA?

    package init(asGiven: String, hubID: String, providerID: String, lora: LoRA? = nil) {
        self.asGiven = asGiven
        self.hubID = hubID
        self.providerID = providerID
        self.lora = lora
    }

    /// A LoRA mapping's weights on the Hub (protocol §3.3), as providers fetch them.
    package struct LoRA: Sendable, Hashable {
        /// `{hub}/{hfModelId}`: Replicate's `lora_weights`.
        package var repositoryURL: String
        /// `{hub}/{hfModelId}/resolve/main/{adapterWeightsPath}`: fal's `loras[].path`.
        package var weightsURL: String

        package init(repositoryURL: String, weightsURL: String) {
            self.repositoryURL = repositoryURL
            self.weightsURL = weightsURL
        }
    }
}
