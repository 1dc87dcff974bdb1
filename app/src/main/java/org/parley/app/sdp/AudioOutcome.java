package org.parley.app.sdp;

/** The result of negotiating the audio stream: agreed parameters, or why there is no audio. */
public sealed interface AudioOutcome permits NegotiatedAudio, AudioRejection {
}
