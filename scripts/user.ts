// Newsroom accounts from the command line (thin: lib/users does the work).
//   npm run user -- create --email E --role writer|editor|admin [--name N] [--password P]
//   npm run user -- set-password --email E [--password P]
//   npm run user -- disable --email E      npm run user -- enable --email E      npm run user -- list
// Without --password it asks (hidden) on a terminal; an empty answer, or no terminal, generates one
// and prints it once.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { generateStrongPassword } from '@/lib/auth/password-strength';
import { createUser, listUsers, roles, setDisabled, setPassword, AccountError } from '@/lib/users/commands';

const usage = `Usage:
  npm run user -- create --email E --role ${roles.join('|')} [--name N] [--password P]
  npm run user -- set-password --email E [--password P]
  npm run user -- disable --email E
  npm run user -- enable --email E
  npm run user -- list`;

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    // Echo nothing of what is typed.
    output._writeToOutput = () => {};
  });
}

async function choosePassword(given: string | undefined, email: string): Promise<{ password: string; generated: boolean }> {
  if (given) return { password: given, generated: false };
  if (process.stdin.isTTY) {
    const typed = await askHidden('Password (empty: generate one): ');
    if (typed) {
      const again = await askHidden('Same password again: ');
      if (again !== typed) throw new AccountError('The passwords differ.');
      return { password: typed, generated: false };
    }
  }
  return { password: generateStrongPassword([email]), generated: true };
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  const needEmail = () => {
    if (!values.email) throw new AccountError('--email is required.');
    return values.email;
  };
  switch (command) {
    case 'create': {
      const email = needEmail();
      if (!values.role || !(roles as readonly string[]).includes(values.role)) throw new AccountError(`--role must be one of ${roles.join(', ')}.`);
      const { password, generated } = await choosePassword(values.password, email);
      const user = await createUser({ email, role: values.role as (typeof roles)[number], name: values.name ?? '', password });
      console.log(`Created ${user.email} (${values.role}).`);
      if (generated) console.log(`Password (shown once): ${password}`);
      return 0;
    }
    case 'set-password': {
      const email = needEmail();
      const { password, generated } = await choosePassword(values.password, email);
      await setPassword(email, password);
      console.log(`New password set for ${email}; its sessions were signed out.`);
      if (generated) console.log(`Password (shown once): ${password}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const email = needEmail();
      await setDisabled(email, command === 'disable');
      console.log(command === 'disable' ? `Disabled ${email} and signed out its sessions.` : `Enabled ${email}.`);
      return 0;
    }
    case 'list': {
      for (const user of await listUsers()) console.log(`${user.email}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AccountError) {
      console.error(error.message);
      process.exit(1);
    }
    // A refused e-mail or password: say what is wrong (for a weak password, zxcvbn's reasons), not the raw issue list.
    if (error instanceof Error && error.name === 'ZodError') {
      const issues = (error as Error & { issues: Array<{ path: PropertyKey[]; message: string }> }).issues;
      console.error(issues.map((issue) => (issue.path.length ? `--${String(issue.path[0])}: ${issue.message}` : issue.message)).join('\n'));
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
