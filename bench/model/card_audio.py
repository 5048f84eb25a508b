"""The model card's input recipe, which every Python peer here follows as Voxprint's pipeline must:
torchaudio.load, mean over channels, resampled to 16 kHz when the file is not."""
import torchaudio


def card_audio(path):
    audio, rate = torchaudio.load(path)
    audio = audio.mean(dim=0, keepdim=True)
    if rate != 16000:
        audio = torchaudio.functional.resample(audio, rate, 16000)
    return audio
