// Careless: throws while starting up, before printing anything (argv: nonce).
interface Settings {
  greeting: string;
}

function parseSettings(text: string): Settings {
  const settings = JSON.parse(text) as Settings;
  return settings;
}

const settings = parseSettings(process.env.SETTINGS ?? '{greeting: "hello"}');
console.log(settings.greeting);
