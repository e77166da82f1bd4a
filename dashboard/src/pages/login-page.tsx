import { valibotResolver } from '@hookform/resolvers/valibot';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as v from 'valibot';
import { Button } from '../components/button.tsx';
import { ErrorBanner } from '../components/feedback.tsx';
import { Field, TextInput } from '../components/form-controls.tsx';
import { InfoIcon, WebhookIcon } from '../components/icons.tsx';
import { useSession } from '../auth/session.tsx';

const loginSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter your email'), v.email('Enter a valid email address')),
  password: v.pipe(v.string(), v.nonEmpty('Enter your password')),
});

type LoginValues = v.InferOutput<typeof loginSchema>;

/** After a successful sign-in the app's session gate takes the person back where they were. */
export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession();
  const [serverError, setServerError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: valibotResolver(loginSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setServerError(null);
    try {
      await login(email, password);
    } catch (error) {
      setServerError(error);
    }
  });

  return (
    <div className="flex min-h-full flex-col justify-center bg-slate-50 px-6 py-12">
      <div className="mx-auto w-full max-w-sm">
        <div className="flex flex-col items-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-indigo-600 text-white shadow-sm">
            <WebhookIcon className="size-6" />
          </span>
          <h1 className="mt-5 text-xl font-semibold tracking-tight text-slate-900">Sign in to Event Hub</h1>
          <p className="mt-1 text-sm text-slate-500">Webhooks, deliveries and events in one place.</p>
        </div>

        <div className="mt-8 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-900/5">
          {expired && !serverError && (
            <div className="mb-5 flex items-center gap-2 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-800 ring-1 ring-sky-200">
              <InfoIcon className="size-4 shrink-0" />
              Your session ended. Sign in again to continue.
            </div>
          )}
          {serverError !== null && (
            <div className="mb-5">
              <ErrorBanner error={serverError} title="Could not sign in" />
            </div>
          )}
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-5">
            <Field id="login-email" label="Email" error={errors.email?.message}>
              <TextInput id="login-email" type="email" autoComplete="username" autoFocus invalid={!!errors.email} {...register('email')} />
            </Field>
            <Field id="login-password" label="Password" error={errors.password?.message}>
              <TextInput id="login-password" type="password" autoComplete="current-password" invalid={!!errors.password} {...register('password')} />
            </Field>
            <Button type="submit" variant="primary" busy={isSubmitting} className="w-full">
              Sign in
            </Button>
          </form>
        </div>
        <p className="mt-6 text-center text-xs text-slate-400">The first admin is created from HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD.</p>
      </div>
    </div>
  );
}
