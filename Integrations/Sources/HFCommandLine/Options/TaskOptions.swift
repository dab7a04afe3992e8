import ArgumentParser
import HFFull

/// The options of every vision and audio task: the model, and where to send the call.
///
/// ```swift
/// struct Caption: AsyncParsableCommand {
///     @OptionGroup var task: TaskOptions
///     // client.multimodal.captionImage(image, model: task.modelID, via: task.destination)
/// }
/// ```
struct TaskOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The model (a Hub id; \"id:provider\" picks a provider too).")
    var model: String

    @Option(help: "Send the call to this provider (e.g. together, fal-ai, replicate); hf-inference when absent.")
    var provider: String?

    var modelID: ModelID { ModelID(rawValue: model) }

    var destination: TaskDestination {
        provider.map { .provider(Provider(rawValue: $0)) } ?? .automatic
    }
}
