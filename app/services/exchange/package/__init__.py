"""The upload package for the province (a BagIt bag in one zip): its names and layout, building it from a
decision, a round, a year, the catalogue or subjects, verifying it, and importing a catalogue or subjects
package. The UI and the CLI take these through `app.services.exchange`."""
